//! A zip archive's members, read from bytes without any I/O: the central
//! directory, then each member stored or deflated. Enough for .docx files
//! and folders of articles zipped by an operating system; no encryption,
//! no zip64, and limits against zip bombs.

use miniz_oxide::inflate::decompress_to_vec_with_limit;

/// Why a zip archive (or one of its members) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ZipError {
    /// Not a zip archive at all.
    #[error("this is not a zip archive (no zip directory found)")]
    NotZip,
    /// The directory or a member is cut short or inconsistent.
    #[error("this zip archive is damaged (it may have been cut short while copying)")]
    Damaged,
    /// A member uses a compression other than none or deflate.
    #[error(
        "this zip member uses a compression saidwho cannot read (only stored and deflated files)"
    )]
    Unsupported,
    /// A member is larger than the limit once unpacked.
    #[error("this zip member is larger than {limit} bytes unpacked")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
}

/// One member of the archive, as its central directory lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZipEntry {
    /// Its path inside the archive ("articles/one.txt"), lossily decoded.
    pub name: String,
    method: usize,
    compressed: usize,
    /// Its size unpacked, as the directory says.
    pub size: usize,
    local: usize,
}

impl ZipEntry {
    /// Whether it is a folder (its name ends with "/").
    #[must_use]
    pub fn is_dir(&self) -> bool {
        self.name.ends_with('/')
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        b.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// Most members listed (a directory claiming more is damaged or hostile).
pub const MAX_ENTRIES: usize = 65_535;

/// The members the central directory lists, in its order.
///
/// # Errors
/// When the bytes are no zip archive or its directory is damaged.
pub fn entries(zip: &[u8]) -> Result<Vec<ZipEntry>, ZipError> {
    // End of central directory: the last "PK\x05\x06" (a comment may follow).
    let eocd = (0..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or(ZipError::NotZip)?;
    let count = u16_at(zip, eocd + 10).ok_or(ZipError::NotZip)?;
    let mut at = u32_at(zip, eocd + 16).ok_or(ZipError::NotZip)?;
    let mut out = Vec::with_capacity(count.min(MAX_ENTRIES));
    for _ in 0..count {
        if !zip.get(at..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err(ZipError::Damaged);
        }
        let field = |off: usize, wide: bool| {
            if wide {
                u32_at(zip, at + off)
            } else {
                u16_at(zip, at + off)
            }
            .ok_or(ZipError::Damaged)
        };
        let (method, compressed, size) = (field(10, false)?, field(20, true)?, field(24, true)?);
        let (nlen, xlen, clen) = (field(28, false)?, field(30, false)?, field(32, false)?);
        let local = field(42, true)?;
        let name = zip.get(at + 46..at + 46 + nlen).ok_or(ZipError::Damaged)?;
        out.push(ZipEntry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            compressed,
            size,
            local,
        });
        at += 46 + nlen + xlen + clen;
    }
    Ok(out)
}

/// The unpacked bytes of member `e`, at most `limit` of them.
///
/// # Errors
/// When the member is damaged, compressed another way, or too large.
pub fn read(zip: &[u8], e: &ZipEntry, limit: usize) -> Result<Vec<u8>, ZipError> {
    if e.size > limit {
        return Err(ZipError::TooLarge { limit });
    }
    let local = e.local;
    if !zip
        .get(local..)
        .is_some_and(|s| s.starts_with(b"PK\x03\x04"))
    {
        return Err(ZipError::Damaged);
    }
    let lname = u16_at(zip, local + 26).ok_or(ZipError::Damaged)?;
    let lextra = u16_at(zip, local + 28).ok_or(ZipError::Damaged)?;
    let start = local + 30 + lname + lextra;
    let end = start.checked_add(e.compressed).ok_or(ZipError::Damaged)?;
    let data = zip.get(start..end).ok_or(ZipError::Damaged)?;
    match e.method {
        0 if data.len() <= limit => Ok(data.to_vec()),
        0 => Err(ZipError::TooLarge { limit }),
        8 => decompress_to_vec_with_limit(data, limit).map_err(|err| {
            if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                ZipError::TooLarge { limit }
            } else {
                ZipError::Damaged
            }
        }),
        _ => Err(ZipError::Unsupported),
    }
}

/// Builds a zip archive of `(name, bytes)` members, each deflated when
/// `deflate` (for tests and fixtures).
#[cfg(test)]
pub(crate) fn make_zip(members: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let mut z = Vec::new();
    let mut dir = Vec::new();
    let method: u16 = if deflate { 8 } else { 0 };
    for (name, bytes) in members {
        let data = if deflate {
            miniz_oxide::deflate::compress_to_vec(bytes, 6)
        } else {
            bytes.to_vec()
        };
        let local = z.len() as u32;
        let sizes = |v: &mut Vec<u8>| {
            v.extend_from_slice(&[0; 4]); // crc (not checked)
            v.extend_from_slice(&(data.len() as u32).to_le_bytes());
            v.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
        };
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0]);
        z.extend_from_slice(&method.to_le_bytes());
        z.extend_from_slice(&[0; 4]);
        sizes(&mut z);
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(&data);
        dir.extend_from_slice(b"PK\x01\x02");
        dir.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        dir.extend_from_slice(&method.to_le_bytes());
        dir.extend_from_slice(&[0; 4]);
        sizes(&mut dir);
        dir.extend_from_slice(&[0; 12]);
        dir.extend_from_slice(&local.to_le_bytes());
        dir.extend_from_slice(name.as_bytes());
    }
    let cd = z.len() as u32;
    z.extend_from_slice(&dir);
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0; 4]);
    let n = (members.len() as u16).to_le_bytes();
    z.extend_from_slice(&n);
    z.extend_from_slice(&n);
    z.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    z.extend_from_slice(&cd.to_le_bytes());
    z.extend_from_slice(&[0, 0]);
    z
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_read_back_stored_and_deflated() {
        for deflate in [false, true] {
            let z = make_zip(
                &[("a/one.txt", b"first"), ("a/", b""), ("two.txt", b"second")],
                deflate,
            );
            let es = entries(&z).unwrap();
            let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
            assert_eq!(names, ["a/one.txt", "a/", "two.txt"]);
            assert!(es[1].is_dir());
            assert_eq!(read(&z, &es[2], 100).unwrap(), b"second");
            assert_eq!(read(&z, &es[0], 3), Err(ZipError::TooLarge { limit: 3 }));
        }
    }

    #[test]
    fn bad_archives_are_errors_not_panics() {
        assert_eq!(entries(b"not a zip"), Err(ZipError::NotZip));
        let z = make_zip(&[("x.txt", b"hello world, hello world")], true);
        // A cut archive has no readable directory, or members that fail.
        for cut in [10, z.len() / 2, z.len() - 5] {
            if let Ok(es) = entries(&z[..cut]) {
                assert!(es.iter().all(|e| read(&z[..cut], e, 1000).is_err()));
            }
        }
        let mut bad = z.clone();
        let n = bad.len();
        bad[n - 5] ^= 0x7F; // the directory's offset points past the end
        assert_eq!(entries(&bad), Err(ZipError::Damaged));
    }
}
