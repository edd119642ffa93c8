//! Parsing the body of `POST /api/ingest`: a JSON array or JSON Lines of input documents.
use rasd_model::{DocMeta, Document, IsoDate};
use serde::Deserialize;

/// One input document as clients send it (the same shape `rasd extract` reads).
#[derive(Debug, Deserialize)]
pub(crate) struct InputDoc {
    id: Option<String>,
    text: String,
    published: Option<String>,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
}

impl InputDoc {
    fn into_document(self, at: &str) -> Result<Document, String> {
        if self.text.trim().is_empty() {
            return Err(format!("{at}: empty text"));
        }
        let published = match self
            .published
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            Some(s) => Some(IsoDate::parse(s).map_err(|e| format!("{at}: published: {e}"))?),
            None => None,
        };
        let id = match self
            .id
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
        {
            Some(id) => id,
            None => Document::hash_id(&self.text),
        };
        let meta = DocMeta {
            source: self.source,
            url: self.url,
            published,
            title: self.title,
        };
        Ok(Document {
            id,
            meta,
            text: self.text,
        })
    }
}

/// Parse a body into documents; the error names the line or array index that failed.
pub(crate) fn parse_body(body: &[u8]) -> Result<Vec<Document>, String> {
    let text = std::str::from_utf8(body).map_err(|_| "body is not UTF-8".to_string())?;
    let trimmed = text.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err("empty body: send a JSON array or JSON Lines of {id, text, published, source, url, title}".into());
    }
    let docs = if trimmed.starts_with('[') {
        let items: Vec<InputDoc> =
            serde_json::from_str(trimmed).map_err(|e| format!("JSON array: {e}"))?;
        items
            .into_iter()
            .enumerate()
            .map(|(i, d)| d.into_document(&format!("item {i}")))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        let mut docs = Vec::new();
        for (i, line) in trimmed.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = format!("line {}", i + 1);
            let d: InputDoc = serde_json::from_str(line).map_err(|e| format!("{at}: {e}"))?;
            docs.push(d.into_document(&at)?);
        }
        docs
    };
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $body:expr, ok $n:expr) => {
            #[test]
            fn $name() {
                assert_eq!(parse_body($body.as_bytes()).map(|d| d.len()), Ok($n));
            }
        };
        ($name:ident, $body:expr, err $needle:expr) => {
            #[test]
            fn $name() {
                let e = parse_body($body.as_bytes()).unwrap_err();
                assert!(e.contains($needle), "{e}");
            }
        };
    }

    t!(array, r#"[{"id":"a","text":"قصف"},{"text":"غارة"}]"#, ok 2);
    t!(lines, "{\"id\":\"a\",\"text\":\"قصف\"}\n\n{\"id\":\"b\",\"text\":\"غارة\",\"published\":\"2024-01-02\"}\n", ok 2);
    t!(empty, "  \n", err "empty body");
    t!(bad_line, "{\"text\":\"قصف\"}\n{oops}\n", err "line 2");
    t!(bad_date, r#"[{"text":"قصف","published":"أمس"}]"#, err "item 0: published");
    t!(empty_text, r#"{"id":"x","text":"  "}"#, err "empty text");
    t!(missing_text, r#"{"id":"x"}"#, err "line 1");

    #[test]
    fn missing_id_is_hashed() {
        let d = parse_body("{\"text\":\"قصف على غزة\"}".as_bytes()).unwrap();
        assert_eq!(d[0].id, Document::hash_id("قصف على غزة"));
    }
}
