# Independent cross-check of cohesion's nested random-intercept fit (multilevel/) with lme4.
#
# Written from the published method (Harris 2017; Bates et al. 2015), not from MLID's code:
# e_i = y_i/Y - x_i/X (shares of Pakistani and White British per OA), modelled as
# e ~ 0 + (1|LSOA) + (1|MSOA) [+ (1|LAD)] by maximum likelihood, for
#   bedford: the 501 OAs of data/bedford/oa2011_ethnicity.csv, levels OA < LSOA < MSOA
#   east:    the East of England OAs of ../shared/data/ew2011_oa_ethnicity.csv.gz, OA < LSOA < MSOA < LAD
# Needs Debian's R with r-cran-lme4. From the repository root:
#   Rscript tests/reference_scripts/lme4_nested_crosscheck.R > tests/data/lme4_nested_crosscheck.json
suppressPackageStartupMessages(library(lme4))
num <- function(x) sprintf("%.12e", x)
case <- function(d, levels) {
  e <- d$Pakistani / sum(d$Pakistani) - d$WhiteBrit / sum(d$WhiteBrit)
  f <- as.formula(paste("e ~ 0 +", paste0("(1|", levels, ")", collapse = " + ")))
  d$e <- e
  t0 <- proc.time()[["elapsed"]]
  m <- lmer(f, data = d, REML = FALSE, control = lmerControl(optimizer = "bobyqa",
            optCtrl = list(rhobeg = 2e-3, rhoend = 2e-10)))
  secs <- proc.time()[["elapsed"]] - t0
  vc <- as.data.frame(VarCorr(m))
  re <- ranef(m, condVar = TRUE)
  lv <- sapply(levels, function(l) {
    r <- re[[l]]; v <- attr(r, "postVar")[1, 1, ]
    o <- order(r[, 1], decreasing = TRUE); pick <- unique(c(head(o, 3), tail(o, 2)))
    rows <- paste0('{"area": "', rownames(r)[pick], '", "blup": ', sapply(r[pick, 1], num),
                   ', "condvar": ', sapply(v[pick], num), "}", collapse = ", ")
    paste0('"', l, '": {"variance": ', num(vc$vcov[vc$grp == l]), ', "areas": [', rows, "]}")
  })
  paste0('{"n": ', nrow(d), ', "residual_variance": ', num(sigma(m)^2), ', "logLik": ', num(as.numeric(logLik(m))),
         ', "lmer_seconds": ', round(secs, 2), ', "levels": {', paste(lv, collapse = ", "), "}}")
}
bed <- read.csv("data/bedford/oa2011_ethnicity.csv")
nat <- read.csv(gzfile("../shared/data/ew2011_oa_ethnicity.csv.gz"), check.names = FALSE)
east <- nat[nat$RGN == "East of England", ]
cat("{\n",
    '  "source": "tests/reference_scripts/lme4_nested_crosscheck.R, lme4 ', as.character(packageVersion("lme4")),
    ', R ', R.version$major, ".", R.version$minor, ', ML (REML = FALSE), Pakistani vs WhiteBrit shares",\n',
    '  "bedford": ', case(bed, c("LSOA", "MSOA")), ",\n",
    '  "east": ', case(east, c("LSOA", "MSOA", "LAD")), "\n}\n", sep = "")
