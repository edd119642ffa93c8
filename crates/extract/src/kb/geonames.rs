//! `rasd gazetteer import geonames`: build a gazetteer TSV from GeoNames dumps (stub).
