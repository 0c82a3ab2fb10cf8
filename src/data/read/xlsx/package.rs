//! The container checks made before calamine opens a workbook.
//!
//! calamine sizes buffers from what a workbook declares, and an allocation failure
//! aborts the process (no `catch_unwind` catches it). So the zip directory is read
//! first: a part that would expand past [`Limits::part_bytes`], or more than
//! [`Limits::ratio`]:1 beyond [`Limits::ratio_from_bytes`], is refused as a zip bomb
//! before anything is inflated (the `zip` crate then stops any part that inflates
//! past its declared size), and a zip with encrypted entries, or an OLE compound
//! file holding an `EncryptedPackage` stream (how Excel saves a password-protected
//! workbook), is refused as password-protected. For XLSX the package's parts are
//! then found the way calamine finds them, and the few declarations calamine
//! allocates from are checked: the shared strings' `uniqueCount`, the number of
//! styles and of sheets.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::read::ZipFile;

use super::limits::{Limits, byte_count, thousands};

/// The reason given for any password-protected workbook.
pub const PASSWORD: &str = "password-protected; save an unprotected copy";

/// The start of every OLE compound file (XLS, and an encrypted XLSX).
const OLE_SIGNATURE: &[u8] = b"\xD0\xCF\x11\xE0";

/// True when the bytes are an OLE compound file.
#[must_use]
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(OLE_SIGNATURE)
}

/// True when an OLE compound file has a directory entry named `EncryptedPackage`
/// (compared without case, as calamine does). Directory entries are 128 bytes,
/// 128-byte aligned in the file, and start with the name in UTF-16LE followed at
/// byte 64 by its length in bytes, terminator included.
#[must_use]
pub fn ole_is_encrypted(bytes: &[u8]) -> bool {
    const NAME: &str = "EncryptedPackage";
    let length = (NAME.len() as u16 + 1) * 2;
    bytes.chunks_exact(128).any(|entry| {
        u16::from_le_bytes([entry[64], entry[65]]) == length
            && entry
                .chunks_exact(2)
                .zip(NAME.bytes())
                .all(|(unit, b)| unit[1] == 0 && unit[0].eq_ignore_ascii_case(&b))
    })
}

/// A part being inflated from the workbook's bytes.
pub type PartReader<'z, 'a> = BufReader<ZipFile<'z, Cursor<&'a [u8]>>>;

/// Where a part is in the zip, and how big it says it is.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    size: u64,
}

/// A workbook's zip package whose directory passed the checks.
pub struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Part path, lowercased with `/` separators (as calamine looks parts up) → entry.
    entries: HashMap<String, Entry>,
}

impl std::fmt::Debug for Package<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Package")
            .field("entries", &self.entries.len())
            .finish_non_exhaustive()
    }
}

fn key(path: &str) -> String {
    path.replace('\\', "/").to_ascii_lowercase()
}

impl<'a> Package<'a> {
    /// Reads the zip directory and checks every entry's declared size, compression
    /// ratio and encryption flag. Nothing is inflated.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, String> {
        let zip =
            ZipArchive::new(Cursor::new(bytes)).map_err(|e| format!("not a zip package: {e}"))?;
        if zip.len() > limits.entries {
            return Err(format!(
                "the zip package holds {} entries; expected at most {}",
                thousands(zip.len() as u64),
                thousands(limits.entries as u64)
            ));
        }
        let mut entries = HashMap::with_capacity(zip.len());
        let mut total = 0u64;
        for i in 0..zip.len() {
            let entry = zip
                .by_index_data(i)
                .map_err(|e| format!("not a zip package: {e}"))?;
            let name = match entry.name() {
                Ok(n) => n.into_owned(),
                Err(_) => String::from_utf8_lossy(entry.name_raw()).into_owned(),
            };
            if entry.encrypted() {
                return Err(PASSWORD.into());
            }
            let (size, packed) = (entry.size(), entry.compressed_size());
            if size > limits.part_bytes {
                return Err(format!(
                    "part \"{name}\" would expand to {} bytes; expected at most {} \
                     (a zip bomb?)",
                    thousands(size),
                    byte_count(limits.part_bytes)
                ));
            }
            if size > limits.ratio_from_bytes && size / packed.max(1) > limits.ratio {
                return Err(format!(
                    "part \"{name}\" would expand {}:1 (from {} to {} bytes); expected at \
                     most {}:1 for a part over {} (a zip bomb?)",
                    thousands(size / packed.max(1)),
                    thousands(packed),
                    thousands(size),
                    limits.ratio,
                    byte_count(limits.ratio_from_bytes)
                ));
            }
            total = total.saturating_add(size);
            if total > limits.total_bytes {
                return Err(format!(
                    "the parts would expand to more than {} in all; expected at most {} \
                     (a zip bomb?)",
                    byte_count(limits.total_bytes),
                    byte_count(limits.total_bytes)
                ));
            }
            entries.insert(key(&name), Entry { name, size });
        }
        Ok(Package { zip, entries })
    }

    fn entry(&self, path: &str) -> Option<Entry> {
        self.entries.get(&key(path)).cloned()
    }

    /// True when the zip holds a part of this name.
    #[must_use]
    pub fn has(&self, path: &str) -> bool {
        self.entries.contains_key(&key(path))
    }

    /// A part's XML, or `None` when it is missing or cannot be inflated (calamine,
    /// reading the same part, then names the problem).
    fn xml(&mut self, entry: &Entry) -> Option<Reader<PartReader<'_, 'a>>> {
        let file = self.zip.by_name(&entry.name).ok()?;
        let mut reader = Reader::from_reader(BufReader::new(file));
        let config = reader.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        Some(reader)
    }

    /// A small part calamine reads whole, checked against [`Limits::metadata_bytes`].
    fn metadata(&mut self, path: &str, limits: &Limits) -> Result<Option<Entry>, String> {
        let Some(entry) = self.entry(path) else {
            return Ok(None);
        };
        if entry.size > limits.metadata_bytes {
            return Err(format!(
                "part \"{}\" would expand to {} bytes; expected at most {} for it",
                entry.name,
                thousands(entry.size),
                byte_count(limits.metadata_bytes)
            ));
        }
        Ok(Some(entry))
    }

    /// Checks an XLSX package's declarations and finds its worksheets' parts, in
    /// workbook order (`None` where the part cannot be found; calamine says why).
    pub fn xlsx(&mut self, limits: &Limits) -> Result<Vec<Option<String>>, String> {
        let (dir, workbook) = self.office_document(limits)?;
        let rels = self.relationships(&format!("{dir}_rels/{workbook}.rels"), limits)?;
        let targets = self.sheet_targets(&format!("{dir}{workbook}"), limits)?;
        self.shared_strings(&format!("{dir}sharedStrings.xml"), limits)?;
        self.styles(&format!("{dir}styles.xml"), limits)?;
        Ok(targets
            .into_iter()
            .map(|id| {
                let target = rels.get(&id?)?;
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("{dir}{target}"),
                };
                self.entry(&path).map(|e| e.name)
            })
            .collect())
    }

    /// The folder and name of the workbook part, from `_rels/.rels` (`xl/`,
    /// `workbook.xml` when it does not say).
    fn office_document(&mut self, limits: &Limits) -> Result<(String, String), String> {
        let mut target = None;
        if let Some(entry) = self.metadata("_rels/.rels", limits)?
            && let Some(xml) = self.xml(&entry)
        {
            elements(xml, |e| {
                if e.local_name().as_ref() == "Relationship"
                    && attribute(e, "Type")
                        .is_some_and(|t| t.ends_with("/relationships/officeDocument"))
                {
                    target = attribute(e, "Target").map(|t| unescaped(&t));
                }
                true
            });
        }
        let target = target.unwrap_or_else(|| "xl/workbook.xml".into());
        let (dir, name) = target.split_at(target.rfind('/').map_or(0, |i| i + 1));
        let dir = dir.strip_prefix('/').unwrap_or(dir).to_string();
        let name = if name.is_empty() {
            "workbook.xml"
        } else {
            name
        };
        Ok((dir, name.to_string()))
    }

    /// Relationship id → target, as written.
    fn relationships(
        &mut self,
        path: &str,
        limits: &Limits,
    ) -> Result<HashMap<String, String>, String> {
        let mut rels = HashMap::new();
        if let Some(entry) = self.metadata(path, limits)?
            && let Some(xml) = self.xml(&entry)
        {
            elements(xml, |e| {
                if e.local_name().as_ref() == "Relationship"
                    && let Some(id) = attribute(e, "Id")
                {
                    let target = attribute(e, "Target").unwrap_or_default();
                    rels.insert(id.into_owned(), target.into_owned());
                }
                true
            });
        }
        Ok(rels)
    }

    /// Each `<sheet>`'s relationship id, in workbook order; refuses more than
    /// [`Limits::sheets`].
    fn sheet_targets(
        &mut self,
        path: &str,
        limits: &Limits,
    ) -> Result<Vec<Option<String>>, String> {
        let mut ids = Vec::new();
        let mut more = false;
        // Not held to `metadata_bytes`: bloated workbooks carry hundreds of thousands
        // of defined names here, which calamine keeps at about their size.
        if let Some(entry) = self.entry(path)
            && let Some(xml) = self.xml(&entry)
        {
            elements(xml, |e| {
                if e.local_name().as_ref() == "sheet" {
                    if ids.len() == limits.sheets {
                        more = true;
                        return false;
                    }
                    ids.push(
                        e.attributes()
                            .with_checks(false)
                            .filter_map(Result::ok)
                            .find(|a| a.key.local_name().as_ref() == "id")
                            .map(|a| a.value.into_owned()),
                    );
                }
                true
            });
        }
        if more {
            return Err(too_many_sheets(limits));
        }
        Ok(ids)
    }

    /// calamine reserves room for `uniqueCount` strings up front: refuse a count the
    /// part cannot hold (each `<si/>` takes at least 5 bytes) or more strings than
    /// a sheet may hold cells. (`count`, the number of uses, is not read by calamine
    /// and may rightly exceed what the part holds.)
    fn shared_strings(&mut self, path: &str, limits: &Limits) -> Result<(), String> {
        let Some(entry) = self.entry(path) else {
            return Ok(());
        };
        let Some(xml) = self.xml(&entry) else {
            return Ok(());
        };
        let mut declared = None;
        elements(xml, |e| {
            if e.local_name().as_ref() == "sst" {
                declared = attribute(e, "uniqueCount").map(Cow::into_owned);
            }
            false
        });
        let Some(declared) = declared else {
            return Ok(());
        };
        let Some(count) = whole_number(&declared) else {
            return Ok(());
        };
        let room = entry.size / 5;
        let most = room.min(limits.cells as u64);
        if count > most {
            return Err(format!(
                "part \"{}\" declares {} shared strings (uniqueCount) but its {} bytes can \
                 hold at most {}",
                entry.name,
                thousands_or_text(count, &declared),
                thousands(entry.size),
                thousands(most)
            ));
        }
        Ok(())
    }

    /// The first cell of worksheet `part` whose shared-string index is past the
    /// strings the workbook holds (`<si>` elements of `xl/sharedStrings.xml`, as
    /// calamine counts them): its reference, the index and the count. Asked only
    /// after calamine refused a sheet for such a cell, without naming it.
    pub fn missing_shared_string(&mut self, part: &str) -> Option<(String, u64, u64)> {
        let mut count = 0u64;
        if let Some(sst) = self.entry("xl/sharedStrings.xml") {
            elements(self.xml(&sst)?, |e| {
                count += u64::from(e.local_name().as_ref() == "si");
                true
            });
        }
        let entry = self.entry(part)?;
        let mut xml = self.xml(&entry)?;
        let mut buf = Vec::with_capacity(1024);
        let mut cell: Option<String> = None;
        let mut in_value = false;
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) if e.local_name().as_ref() == "c" => {
                    cell = (attribute(&e, "t").as_deref() == Some("s"))
                        .then(|| attribute(&e, "r").map(Cow::into_owned).unwrap_or_default());
                }
                Ok(Event::Start(e)) if e.local_name().as_ref() == "v" => in_value = cell.is_some(),
                Ok(Event::Text(t)) if in_value => {
                    // calamine reads a non-number as string 0.
                    let text: &str = t.as_ref();
                    let index = whole_number(text.trim()).unwrap_or(0);
                    if index >= count {
                        return Some((cell?, index, count));
                    }
                }
                Ok(Event::End(e)) if e.local_name().as_ref() == "v" => in_value = false,
                Ok(Event::Eof) | Err(_) => return None,
                _ => {}
            }
        }
    }

    /// calamine keeps a few hundred bytes for each format, font, fill and border.
    fn styles(&mut self, path: &str, limits: &Limits) -> Result<(), String> {
        let Some(entry) = self.metadata(path, limits)? else {
            return Ok(());
        };
        let Some(xml) = self.xml(&entry) else {
            return Ok(());
        };
        let mut count = 0u64;
        elements(xml, |e| {
            if matches!(e.local_name().as_ref(), "xf" | "font" | "fill" | "border") {
                count += 1;
            }
            count <= limits.styles
        });
        if count > limits.styles {
            return Err(format!(
                "part \"{}\" holds more than {} cell formats, fonts, fills and borders; \
                 expected at most {}",
                entry.name,
                thousands(limits.styles),
                thousands(limits.styles)
            ));
        }
        Ok(())
    }

    /// A worksheet part's XML, for [`super::scan::worksheet`].
    pub fn part(&mut self, name: &str) -> Option<PartReader<'_, 'a>> {
        self.zip.by_name(name).ok().map(BufReader::new)
    }

    /// The ODS `content.xml` (calamine looks it up by its exact name).
    pub fn ods_content(&mut self) -> Option<PartReader<'_, 'a>> {
        self.part("content.xml")
    }
}

/// The message for a workbook with too many sheets.
#[must_use]
pub fn too_many_sheets(limits: &Limits) -> String {
    format!(
        "the workbook has more than {} sheets; expected at most {}",
        thousands(limits.sheets as u64),
        thousands(limits.sheets as u64)
    )
}

/// A count written with digits only, saturating (calamine reads digits only too).
fn whole_number(text: &str) -> Option<u64> {
    (!text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())).then(|| {
        text.bytes().fold(0u64, |acc, b| {
            acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        })
    })
}

fn thousands_or_text(n: u64, text: &str) -> String {
    if n == u64::MAX {
        text.to_string()
    } else {
        thousands(n)
    }
}

fn unescaped(text: &str) -> String {
    quick_xml::escape::unescape(text).map_or_else(|_| text.to_string(), Cow::into_owned)
}

/// An attribute's raw value, by its exact key.
pub fn attribute<'e>(e: &'e BytesStart<'_>, key: &str) -> Option<Cow<'e, str>> {
    e.attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .find(|a| a.key.as_ref() == key)
        .map(|a| a.value)
}

/// Calls `f` for each element start (`<a>` or `<a/>`) until it returns false, the
/// part ends, or its XML breaks (calamine reports broken XML).
fn elements<R: BufRead>(mut xml: Reader<R>, mut f: impl FnMut(&BytesStart<'_>) -> bool) {
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                if !f(&e) {
                    return;
                }
            }
            Ok(Event::Eof) | Err(_) => return,
            Ok(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ole_file_naming_an_encrypted_package_is_password_protected() {
        let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        ole.resize(640, 0);
        assert!(is_ole(&ole));
        assert!(!ole_is_encrypted(&ole));
        let mut entry: Vec<u8> = "encryptedpackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        entry.resize(128, 0);
        entry[64] = 34;
        // The name as cell text, not at an entry's start, is not a directory entry.
        let mut text = ole.clone();
        text.extend(&entry[..34]);
        text.resize(1024, 0);
        assert!(!ole_is_encrypted(&text));
        ole.extend(&entry);
        assert!(ole_is_encrypted(&ole));
        assert!(!is_ole(b"PK\x03\x04"));
    }

    #[test]
    fn counts_are_digits_only() {
        assert_eq!(whole_number("4294967295"), Some(4_294_967_295));
        assert_eq!(whole_number("99999999999999999999999"), Some(u64::MAX));
        assert_eq!(whole_number("-1"), None);
        assert_eq!(whole_number(""), None);
        assert_eq!(whole_number("1e9"), None);
    }
}
