# R side of the MLID benchmark: lme4 on the national LSOA model of the MLID vignette
# (Bangladeshi vs White British shares, e ~ 0 + (1|MSOA) + (1|LAD) + (1|RGN), ML), written from
# the method (not MLID's code). cohesion's fit of the same model: build/release/bench/bench_multilevel.
#   Rscript bench/mlid_lmer_national.R [../shared/data/ew2011_oa_ethnicity.csv.gz]
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
path <- if (length(args)) args[1] else "../shared/data/ew2011_oa_ethnicity.csv.gz"
oa <- read.csv(gzfile(path), check.names = FALSE)
lsoa <- aggregate(oa[, c("Bangladeshi", "WhiteBrit")], by = list(LSOA = oa$LSOA), sum)
lsoa <- merge(lsoa, unique(oa[, c("LSOA", "MSOA", "LAD", "RGN")]), by = "LSOA")
lsoa$e <- lsoa$Bangladeshi / sum(lsoa$Bangladeshi) - lsoa$WhiteBrit / sum(lsoa$WhiteBrit)
fit <- function(d, f) {
  t0 <- proc.time()[["elapsed"]]
  m <- lmer(f, data = d, REML = FALSE)
  c(seconds = proc.time()[["elapsed"]] - t0, logLik = as.numeric(logLik(m)))
}
print(fit(lsoa, e ~ 0 + (1 | MSOA) + (1 | LAD) + (1 | RGN)))
oa$e <- oa$Bangladeshi / sum(oa$Bangladeshi) - oa$WhiteBrit / sum(oa$WhiteBrit)
print(fit(oa, e ~ 0 + (1 | LSOA) + (1 | MSOA) + (1 | LAD) + (1 | RGN)))
