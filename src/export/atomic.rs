//! Atomic writes: the bytes go to a temporary file in the destination's folder, which
//! is then renamed over the destination. A reader never sees a half-written export,
//! and a failure removes the temporary file, so nothing is left behind.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::ExportError;

/// Writes `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let folder = folder_of(path);
    let fail = |reason: String| ExportError::Write {
        path: path.to_path_buf(),
        reason,
    };
    if path.is_dir() {
        return Err(fail("it is a folder".into()));
    }
    let tmp = temporary_path(path, &folder);
    // Only a temporary file this call created is removed on failure (never a file
    // that happened to have its name).
    let mut created = false;
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        created = true;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        if created {
            // The write already failed and is reported; a temporary file that
            // cannot be removed either is left for the user to see.
            std::fs::remove_file(&tmp).ok();
        }
        fail(reason(&e, &folder))
    })
}

/// The folder a file is written in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.tmp-PID-N` beside the destination: hidden, unique within this process.
fn temporary_path(path: &Path, folder: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    folder.join(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

/// Why a write failed, in words.
fn reason(error: &std::io::Error, folder: &Path) -> String {
    match error.kind() {
        ErrorKind::NotFound => format!("the folder {} does not exist", folder.display()),
        ErrorKind::NotADirectory => format!("{} is not a folder", folder.display()),
        ErrorKind::PermissionDenied => format!(
            "permission denied (the folder {} is read-only)",
            folder.display()
        ),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("dd-atomic-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_file_is_written_whole_and_replaces_the_old_one() {
        let dir = scratch("whole");
        let path = dir.join("a.csv");
        write(&path, b"old").unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn a_failed_write_leaves_the_existing_file_whole() {
        let dir = scratch("keep");
        let path = dir.join("a.csv");
        write(&path, b"old").unwrap();
        // Every temporary name this process could use is taken, so the write fails
        // before anything is renamed.
        for n in 0..4096 {
            std::fs::create_dir(dir.join(format!(".a.csv.tmp-{}-{n}", std::process::id())))
                .unwrap();
        }
        let e = write(&path, b"new, longer contents").unwrap_err();
        assert!(e.to_string().starts_with("cannot write "), "{e}");
        assert_eq!(std::fs::read(&path).unwrap(), b"old", "not truncated");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            4097,
            "the names it did not create are left alone"
        );
    }

    #[test]
    fn a_missing_folder_or_a_file_as_folder_is_an_error_leaving_nothing() {
        let dir = scratch("fail");
        let missing = dir.join("no-such-folder").join("a.svg");
        let e = write(&missing, b"x").unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "cannot write {}: the folder {} does not exist",
                missing.display(),
                dir.join("no-such-folder").display()
            )
        );
        let file = dir.join("plain-file");
        std::fs::write(&file, b"").unwrap();
        let under_file = file.join("a.svg");
        let e = write(&under_file, b"x").unwrap_err();
        assert!(e.to_string().contains("is not a folder"), "{e}");
        let e = write(&dir, b"x").unwrap_err();
        assert!(e.to_string().ends_with("it is a folder"), "{e}");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "only the plain file: {left:?}");
    }
}
