//! Python documents to JSON Lines records, so that `rasd_read` reads them as `rasd extract`
//! reads a line: the same defaults (an id hashed from the text), the same warnings (a
//! `published` that is not a date) and the same errors (no text).
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyString};

/// The fields of a document that `rasd extract` reads; any may be missing.
pub(crate) struct Fields<'a, 'py> {
    /// `id`.
    pub id: Option<&'a Bound<'py, PyAny>>,
    /// `text`.
    pub text: Option<&'a Bound<'py, PyAny>>,
    /// `published`.
    pub published: Option<&'a Bound<'py, PyAny>>,
    /// `source`.
    pub source: Option<&'a Bound<'py, PyAny>>,
    /// `url`.
    pub url: Option<&'a Bound<'py, PyAny>>,
    /// `title`.
    pub title: Option<&'a Bound<'py, PyAny>>,
}

/// The keys read, in the order they are written.
pub(crate) const KEYS: [&str; 6] = ["id", "text", "published", "source", "url", "title"];

impl Fields<'_, '_> {
    /// The JSON Lines record of these fields (absent and missing ones left out).
    pub fn to_json_line(&self, py: Python<'_>) -> PyResult<Vec<u8>> {
        let vals = [
            self.id,
            self.text,
            self.published,
            self.source,
            self.url,
            self.title,
        ];
        let mut out = Vec::with_capacity(256);
        out.push(b'{');
        let mut first = true;
        for (k, v) in KEYS.iter().zip(vals) {
            let Some(v) = v else { continue };
            let Some(json) = to_json(py, v)? else {
                continue;
            };
            if !first {
                out.push(b',');
            }
            first = false;
            out.push(b'"');
            out.extend_from_slice(k.as_bytes());
            out.extend_from_slice(b"\":");
            out.extend_from_slice(json.as_bytes());
        }
        out.push(b'}');
        Ok(out)
    }
}

/// One document of an iterable as a JSON Lines record, or why it is none (the message that
/// follows the position, as `rasd extract` words it).
pub(crate) fn doc_line(
    py: Python<'_>,
    obj: &Bound<'_, PyAny>,
) -> PyResult<Result<Vec<u8>, String>> {
    if obj.is_instance_of::<PyString>() {
        let f = Fields {
            id: None,
            text: Some(obj),
            published: None,
            source: None,
            url: None,
            title: None,
        };
        return f.to_json_line(py).map(Ok);
    }
    // A Spark `Row` gives its fields as a dict.
    let owned;
    let obj = if !obj.is_instance_of::<PyDict>() && obj.hasattr("asDict")? {
        owned = obj.call_method0("asDict")?;
        &owned
    } else {
        obj
    };
    let get = |key: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if let Ok(d) = obj.cast::<PyDict>() {
            return d.get_item(key);
        }
        // Any mapping (and a pandas row, a `Series`): `.get(key)`.
        Ok(Some(obj.call_method1("get", (key,))?))
    };
    if !obj.is_instance_of::<PyDict>() && !obj.hasattr("get")? {
        let kind = obj.get_type().name()?.to_string();
        return Ok(Err(format!(
            "not a mapping (a dict with \"text\") or a string but {kind}"
        )));
    }
    let vals: Vec<Option<Bound<'_, PyAny>>> =
        KEYS.iter().map(|k| get(k)).collect::<PyResult<_>>()?;
    let f = Fields {
        id: vals[0].as_ref(),
        text: vals[1].as_ref(),
        published: vals[2].as_ref(),
        source: vals[3].as_ref(),
        url: vals[4].as_ref(),
        title: vals[5].as_ref(),
    };
    f.to_json_line(py).map(Ok)
}

/// A Python value as JSON text, or `None` when it stands for "absent": `None`, a float NaN
/// (pandas' missing value), `pandas.NA`, `pandas.NaT`. Integers keep every digit; dates and
/// timestamps become their ISO form; other values are written as `json.dumps` writes them.
fn to_json(py: Python<'_>, v: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Some(json_str(&s.to_cow()?)));
    }
    if v.is_instance_of::<PyBool>() {
        return Ok(Some(v.is_truthy()?.to_string()));
    }
    if v.is_instance_of::<PyInt>() {
        return Ok(Some(v.str()?.to_cow()?.into_owned()));
    }
    if let Ok(f) = v.cast::<PyFloat>() {
        let x = f.value();
        return x
            .is_finite()
            .then(|| v.repr().map(|r| r.to_string()))
            .transpose();
    }
    let kind = v.get_type().name()?.to_string();
    if matches!(kind.as_str(), "NAType" | "NaTType") {
        return Ok(None);
    }
    if v.hasattr("isoformat")? {
        let s = v.call_method0("isoformat")?;
        return Ok(Some(json_str(&s.str()?.to_cow()?)));
    }
    let dumps = py.import("json")?.getattr("dumps")?;
    match dumps.call1((v,)) {
        Ok(s) => Ok(Some(s.str()?.to_cow()?.into_owned())),
        Err(_) => Ok(Some(json_str(&v.str()?.to_cow()?))),
    }
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "null".to_string())
}
