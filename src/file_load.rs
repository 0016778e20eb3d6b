//! Reading a file the user dropped or picked: its text goes to the page, or
//! a notice says why it cannot (unsupported, not text, too large — with an
//! offer to analyse a large one anyway).

use web_sys::File;
use yew::Callback;

use crate::file_text::{
    file_to_text, file_to_text_any_size, is_supported, FileTextError, HARD_LIMIT_BYTES,
};
use crate::state::Notice;

/// Reads a dropped or picked file and hands its text on, or explains why not.
pub fn read_file(file: File, on_text: Callback<String>, on_notice: Callback<Notice>) {
    let name = file.name();
    let mime = file.type_();
    if !is_supported(&name, &mime) {
        on_notice.emit(error(&FileTextError::Unsupported { name }));
        return;
    }
    let file = gloo_file::File::from(file);
    wasm_bindgen_futures::spawn_local(async move {
        match gloo_file::futures::read_as_bytes(&file).await {
            Ok(bytes) => match file_to_text(&name, &mime, &bytes) {
                Ok(text) => on_text.emit(text),
                Err(FileTextError::TooLarge { .. }) if bytes.len() <= HARD_LIMIT_BYTES => {
                    // Offer it: analysis runs in the worker, the page stays usable.
                    match file_to_text_any_size(&name, &mime, &bytes) {
                        Ok(text) => on_notice.emit(Notice {
                            text: format!(
                                "“{name}” is {:.1} MB, more than an article. Analysing it takes a few seconds \
                                 (the page stays usable); the article view shows its beginning.",
                                bytes.len() as f64 / 1_048_576.0
                            ),
                            is_error: false,
                            offer: Some(text.into()),
                            report: None,
                        }),
                        Err(e) => on_notice.emit(error(&e)),
                    }
                }
                Err(e) => on_notice.emit(error(&e)),
            },
            Err(e) => on_notice.emit(Notice::error(format!("Could not read “{name}”: {e}"))),
        }
    });
}

fn error(e: &FileTextError) -> Notice {
    Notice::error(e.to_string())
}
