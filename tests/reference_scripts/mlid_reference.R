# Reference values for cohesion's multilevel index of dissimilarity (MLID).
#
# Runs the R package MLID's own functions (Harris, GitHub profrichharris/MLID, commit
# 9acf64c228edd277e08b4c68973b0da1ad6c0900) on its own data (data/ethnicities.rda, the same
# 181,408 OAs as ../shared/data/ew2011_oa_ethnicity.csv.gz) with the calls of its vignette
# (vignettes/MLID.Rmd, "Fitting a multilevel index of segregation in R"), whose numbers are
# computed when the vignette is knitted, so running them is how the "documented results" are
# obtained. Nothing of MLID is copied into cohesion; this script only calls it.
#
# Needs Debian's R with r-cran-lme4 (apt-get install r-base-core r-cran-lme4) and a checkout of
# MLID. Usage:
#   git -C MLID_GIT_DIR archive --prefix=MLID/ 9acf64c | tar -x -C /tmp
#   Rscript tests/reference_scripts/mlid_reference.R /tmp/MLID > tests/data/mlid_reference.json
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
root <- if (length(args) >= 1) args[1] else "/tmp/MLID"
for (f in list.files(file.path(root, "R"), pattern = "\\.R$", full.names = TRUE)) source(f)
load(file.path(root, "data", "ethnicities.rda"))

num <- function(x, digits = 12) format(signif(x, digits), scientific = FALSE, trim = TRUE)
vec <- function(v, digits = 12) paste0("{", paste0('"', names(v), '": ', sapply(v, num, digits = digits), collapse = ", "), "}")
out <- character()
add <- function(key, value) out <<- c(out, paste0('  "', key, '": ', value))
impact_rows <- function(im, n = 3) {
  parts <- sapply(names(im), function(lv) {
    d <- im[[lv]]
    d <- d[order(d$impact, decreasing = TRUE), ][1:n, ]
    rows <- sapply(seq_len(n), function(i) paste0('{"area": "', rownames(d)[i], '", ',
      paste0('"', names(d), '": ', sapply(d[i, ], num), collapse = ", "), "}"))
    paste0('"', lv, '": [', paste(rows, collapse = ", "), "]")
  })
  paste0("{", paste(parts, collapse = ", "), "}")
}
mlm_block <- function(index) {
  mlm <- attr(index, "mlm")
  raw <- .mlvar(mlm)
  paste0('{"ID": ', num(index[1]), ', "variance_raw": ', vec(raw, 10),
         ', "Pvariance": ', vec(attr(index, "variance")),
         ', "Holdback": ', vec(attr(index, "holdback")),
         ', "REML": ', tolower(isREML(mlm)), ', "logLik": ', num(as.numeric(logLik(mlm)), 10), "}")
}
fx_block <- function(fx) {
  paste0('{"places": [', paste0('"', attr(fx, "places"), '"', collapse = ", "), '], ',
         '"ID1": [', num(fx$ID1[1]), ", ", num(fx$ID1[2]), '], ',
         '"ID2": [', num(fx$ID2[1]), ", ", num(fx$ID2[2]), '], ',
         '"ID3": [', num(fx$ID3[1]), ", ", num(fx$ID3[2]), '], ',
         '"Rsq": ', num(attr(fx, "Rsq")), ', "impact": ', num(attr(fx, "impact")), "}")
}

add("source", '"profrichharris/MLID 9acf64c228edd277e08b4c68973b0da1ad6c0900, vignettes/MLID.Rmd calls run with R/*.R and data/ethnicities.rda; lme4 default lmer fit (REML)"')
add("lme4_version", paste0('"', packageVersion("lme4"), '"'))
add("R_version", paste0('"', R.version$major, ".", R.version$minor, '"'))
add("n_oa", nrow(ethnicities))

# Section "Fitting and exploring the standard ID" (OA level)
index <- id(ethnicities, vars = c("Bangladeshi", "WhiteBrit"))
add("oa_id", num(index[1]))
add("oa_impacts_head3", impact_rows(impacts(ethnicities, c("Bangladeshi", "WhiteBrit"), c("LAD", "RGN"))))
set.seed(2017)  # E(ID) is a 100-draw simulation: only its printed 3 decimals are meaningful
index <- id(ethnicities, vars = c("Bangladeshi", "WhiteBrit", "Persons"), expected = TRUE)
add("oa_expected", paste0("[", num(index[1]), ", ", num(index[2]), "]"))

# Section "Finding the expected value and aggregating the data" (LSOA level)
aggdata <- sumup(ethnicities, sumby = "LSOA", drop = "OA")
add("n_lsoa", nrow(aggdata))
index <- id(aggdata, vars = c("Bangladeshi", "WhiteBrit", "Persons"), expected = TRUE)
add("lsoa_expected", paste0("[", num(index[1]), ", ", num(index[2]), "]"))
add("lsoa_impacts_head3", impact_rows(impacts(aggdata, vars = c("Bangladeshi", "WhiteBrit"), levels = c("LAD", "RGN"))))

# Section "Fitting a multilevel index"
index <- id(aggdata, vars = c("Bangladeshi", "WhiteBrit"), levels = c("MSOA", "LAD", "RGN"))
add("mlid", mlm_block(index))
ci <- confint(index)
top <- sapply(names(ci), function(lv) {
  d <- ci[[lv]]; d <- d[order(d$mn, decreasing = TRUE), ][1:3, ]
  rows <- sapply(1:3, function(i) paste0('{"area": "', rownames(d)[i], '", "mn": ', num(d$mn[i]),
                                          ', "lwr": ', num(d$lwr[i]), ', "upr": ', num(d$upr[i]), "}"))
  paste0('"', lv, '": [', paste(rows, collapse = ", "), "]")
})
add("confint_top3", paste0("{", paste(top, collapse = ", "), "}"))
rv <- .rvals(attr(index, "mlm"))
add("effects_sd", vec(apply(rv, 2, sd), 10))

# Section "Considering the effect of particular places upon the index"
add("effect_TH_Newham", fx_block(effect(index, places = c("Tower Hamlets", "Newham"))))
add("effect_TH_Newham_E02001113", fx_block(effect(index, places = c("Tower Hamlets", "Newham", "E02001113"))))

# Section "Refitting the multilevel index"
newindex <- id(aggdata, vars = c("Bangladeshi", "WhiteBrit"), levels = c("MSOA", "LAD", "RGN"),
               omit = c("Tower Hamlets", "Newham", "E02001113"))
add("mlid_omit", mlm_block(newindex))

cat("{\n", paste(out, collapse = ",\n"), "\n}\n", sep = "")
