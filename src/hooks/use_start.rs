//! What the page starts with: what the person did before the app was
//! ready, else the text of a shared link, else the text of the last visit
//! (each with the reader's corrections, when there are some).

use gloo_timers::callback::Timeout;
use saidwho_core::corrections::Corrections;
use yew::prelude::*;

use crate::browser;
use crate::file_load::read_file;
use crate::frame::EarlyInput;
use crate::permalink;
use crate::state::Notice;

/// Where the example article is, relative to the page.
pub const EXAMPLE_URL: &str = "./examples/seed.txt";

/// Loads the example article into the page (`on_load`), or says why not.
#[hook]
pub fn use_example(on_load: Callback<String>, on_notice: Callback<Notice>) -> Callback<()> {
    use_callback((on_load, on_notice), |(), (on_load, on_notice)| {
        let (on_load, on_notice) = (on_load.clone(), on_notice.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match browser::fetch_text(EXAMPLE_URL).await {
                Ok(text) => on_load.emit(text),
                Err(e) => on_notice.emit(Notice::error(format!(
                    "The example could not be loaded: {e}"
                ))),
            }
        });
    })
}

/// On the first render: registers the offline service worker and loads the
/// first text (see [`start_with`]).
#[hook]
pub fn use_start(
    early: std::rc::Rc<EarlyInput>,
    on_load: Callback<String>,
    on_notice: Callback<Notice>,
    on_example: Callback<()>,
    on_restore: Callback<Corrections>,
) {
    use_effect_with((), move |()| {
        browser::register_service_worker();
        start_with(&early, &on_load, &on_notice, &on_example, &on_restore);
    });
}

/// Starts the page with the first of: a file dropped or picked before the
/// app was ready, a click on "Try an example", text typed into the static
/// frame, the text of a shared link, the text kept from the last visit.
fn start_with(
    early: &EarlyInput,
    on_load: &Callback<String>,
    on_notice: &Callback<Notice>,
    on_example: &Callback<()>,
    on_restore: &Callback<Corrections>,
) {
    if let Some(file) = early.file.clone() {
        read_file(file, on_load.clone(), on_notice.clone());
    } else if early.example {
        on_example.emit(());
    } else if !early.text.is_empty() {
        on_load.emit(early.text.clone());
    } else if browser::fragment().len() > 1 {
        match permalink::decode(&browser::fragment()) {
            Ok(link) => {
                on_load.emit(link.text);
                if let Some(c) = link.corrections {
                    on_restore.emit(c);
                }
                if link.edits_damaged {
                    on_notice.emit(Notice::error(
                        "This link's corrections are damaged (was it cut short?): the article is \
                         shown as the machine analysed it.",
                    ));
                }
            }
            Err(e) => on_notice.emit(Notice::error(e.to_string())),
        }
    } else if let Some(text) = browser::load_text() {
        let kept = browser::load_corrections(&text);
        on_load.emit(text);
        if let Some(c) = kept {
            on_restore.emit(c);
        }
    }
    if let Some((start, end)) = early.focus {
        // After the editor shows its text: the focus and caret where they were.
        Timeout::new(0, move || browser::focus_editor(start, end)).forget();
    }
}
