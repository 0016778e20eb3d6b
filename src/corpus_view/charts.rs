//! Source-diversity charts: horizontal bars in SVG, each bar reachable by
//! keyboard and named for screen readers, with the numbers as a table.

use saidwho_core::corpus::Share;
use yew::prelude::*;

/// Props of one chart.
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// Its title.
    pub title: AttrValue,
    /// Its id (for labels).
    pub id: AttrValue,
    /// The bars.
    pub shares: Vec<Share>,
    /// Most bars drawn (the table lists them all).
    #[prop_or(10)]
    pub limit: usize,
}

/// Rows of a chart's numbers table (the exports hold them all).
const TABLE_ROWS: usize = 25;

/// Height of one bar, in SVG units.
const BAR: usize = 26;
/// Width of the label column, in SVG units.
const LABEL_W: f64 = 190.0;
/// Width of the bar column, in SVG units.
const BARS_W: f64 = 300.0;

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// A label cut to fit its column.
fn short(label: &str) -> String {
    if label.chars().count() > 26 {
        let cut: String = label.chars().take(25).collect();
        format!("{cut}…")
    } else {
        label.to_owned()
    }
}

/// One chart: the share of quotes per label, and a table of the numbers.
#[function_component(Chart)]
pub fn chart(props: &ChartProps) -> Html {
    let shown: Vec<&Share> = props.shares.iter().take(props.limit).collect();
    let height = (shown.len() * BAR).max(BAR);
    let title_id = format!("{}-title", props.id);
    let bars = shown.iter().enumerate().map(|(i, s)| {
        let y = i * BAR;
        let w = (BARS_W * s.quote_share).max(1.0);
        let name = format!("{}: {} quotes, {} of all quotes", s.label, s.quotes, pct(s.quote_share));
        html! {
            <g role="listitem" tabindex="0" aria-label={name} class="bar">
                <text x="0" y={(y + 17).to_string()} class="bar-label">{ short(&s.label) }</text>
                <rect x={LABEL_W.to_string()} y={(y + 5).to_string()} width={format!("{w:.1}")}
                      height={(BAR - 10).to_string()} rx="2" />
                <text x={format!("{:.1}", LABEL_W + w + 6.0)} y={(y + 17).to_string()} class="bar-value">
                    { format!("{} ({})", s.quotes, pct(s.quote_share)) }
                </text>
            </g>
        }
    });
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()}>
            <figcaption id={title_id.clone()}>{ &props.title }</figcaption>
            if shown.is_empty() {
                <p class="muted">{ "Nothing to show yet." }</p>
            } else {
                <svg role="list" aria-labelledby={title_id} viewBox={format!("0 0 {} {height}", LABEL_W + BARS_W + 90.0)}
                     preserveAspectRatio="xMinYMin meet">
                    { for bars }
                </svg>
            }
            <details class="numbers">
                <summary>{ "The numbers" }</summary>
                <div class="scroll"><table>
                    <thead><tr>
                        <th scope="col"><span class="visually-hidden">{ "What" }</span></th><th scope="col">{ "quotes" }</th><th scope="col">{ "share" }</th>
                        <th scope="col">{ "quoted words" }</th><th scope="col">{ "share" }</th>
                    </tr></thead>
                    <tbody>
                        { for props.shares.iter().take(TABLE_ROWS).map(|s| html! {
                            <tr>
                                <th scope="row">{ &s.label }</th>
                                <td>{ s.quotes }</td><td>{ pct(s.quote_share) }</td>
                                <td>{ s.words }</td><td>{ pct(s.word_share) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table></div>
                if props.shares.len() > TABLE_ROWS {
                    <p class="muted">{ format!("The first {TABLE_ROWS} of {}; every one is in the CSV exports.", props.shares.len()) }</p>
                }
            </details>
        </figure>
    }
}
