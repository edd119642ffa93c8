//! The country an outlet publishes from, read from a document's web address: the host's own
//! line in `data/outlets.tsv` (compiled in), or a country's own domain («okaz.com.sa»). It is
//! the country of the outlet's «المملكة» and «بلادنا».
use std::sync::OnceLock;

/// The built-in outlets table.
pub const OUTLETS_TSV: &str = include_str!("../../../data/outlets.tsv");

/// The domains of the region's countries, whose outlets the address alone places.
const COUNTRY_DOMAINS: &[&str] = &[
    "sa", "eg", "jo", "kw", "ae", "qa", "bh", "om", "ye", "iq", "sy", "lb", "ps", "ma", "dz", "tn",
    "ly", "sd", "mr", "so", "dj", "tr", "ir", "il",
];

/// The table's lines: host → country code.
fn table() -> &'static [(String, String)] {
    static T: OnceLock<Vec<(String, String)>> = OnceLock::new();
    T.get_or_init(|| parse(OUTLETS_TSV))
}

/// Reads the lines of an outlets table (comments and blank lines skipped).
pub fn parse(tsv: &str) -> Vec<(String, String)> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut f = l.split('\t');
            let host = f.next()?.trim().to_lowercase();
            let country = f.next()?.trim().to_uppercase();
            (!host.is_empty() && country.len() == 2).then_some((host, country))
        })
        .collect()
}

/// The host of a web address, lower-cased, without «www.» and port.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The country (ISO code) of the outlet at a web address, when the table or its domain tells.
pub fn home_country(url: &str) -> Option<String> {
    let h = host(url)?;
    let listed = table()
        .iter()
        .find(|(t, _)| h == *t || h.strip_suffix(t.as_str()).is_some_and(|p| p.ends_with('.')));
    if let Some((_, c)) = listed {
        return Some(c.clone());
    }
    let tld = h.rsplit('.').next()?;
    COUNTRY_DOMAINS.contains(&tld).then(|| tld.to_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each address with the country it must give.
    fn check(cases: &[(&str, Option<&str>)]) {
        for (url, want) in cases {
            assert_eq!(home_country(url).as_deref(), *want, "{url}");
        }
    }

    #[test]
    fn listed_hosts_and_their_subdomains() {
        check(&[
            ("http://www.alriyadh.com/1060000", Some("SA")),
            ("https://m.aawsat.com/home/x", Some("SA")),
            ("https://notalriyadh.com/x", None),
        ]);
    }

    #[test]
    fn country_domains() {
        check(&[
            ("http://www.okaz.com.sa/new/x.htm", Some("SA")),
            ("https://gate.ahram.org.eg/News/1.aspx", Some("EG")),
            ("https://example.co.uk/a", None),
            ("https://www.example.com:8080/a", None),
        ]);
    }

    #[test]
    fn bad_addresses_give_nothing() {
        check(&[("", None), ("://", None), ("not a url", None)]);
    }

    #[test]
    fn every_line_of_the_table_reads() {
        let lines = OUTLETS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(parse(OUTLETS_TSV).len(), lines);
    }
}
