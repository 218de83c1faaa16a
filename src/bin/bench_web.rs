//! The in-browser benchmark page, built and driven by `cargo xtask bench-web` (never part of the app).
//!
//! It exports three functions to the page's script (`bench/web/bench.js`), which the Node driver
//! (`bench/web/drive.mjs`) calls through headless Chromium and times:
//! - `explorer(n)` renders the app's real [`ExploreView`] over `n` synthetic articles
//!   ([`parallax_core::synth`]), wired like the app (every change becomes the next query), plus a
//!   hidden marker whose `data-query` is the query just rendered, so the driver knows when a click
//!   or keystroke has been painted;
//! - `align_runs(runs)` aligns two ~5 KB seed articles to the seed catalogue `runs` times and
//!   returns each duration in milliseconds (the analyses are made once beforehand, as a pack has them);
//! - `synth_bytes(n)` the size of the synthetic texts, for the report.

#[cfg(target_arch = "wasm32")]
mod page {
    use std::cell::RefCell;

    use parallax::components::ExploreView;
    use parallax::state::Shared;
    use parallax_core::pack::Pack;
    use parallax_core::query::{ExploreQuery, Explorer};
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;

    /// The seed used for every synthetic collection, as in the native benchmarks.
    const SEED: u64 = 42;
    /// 5.3 KB.
    const SEED_000: &str = include_str!("../../corpus/nato/raw/000_1ff6c65baa8f3287.txt");
    /// 13.9 KB; its first ~5 KB of lines are used, as in `crates/parallax-core/benches/align.rs`.
    const SEED_003: &str = include_str!("../../corpus/nato/raw/003_94b55c3c21052adc.txt");

    thread_local! {
        static MOUNTED: RefCell<Option<AppHandle<BenchExplorer>>> = const { RefCell::new(None) };
    }

    #[derive(Properties, PartialEq)]
    struct BenchExplorerProps {
        pack: Shared<Pack>,
        explorer: Shared<Explorer>,
    }

    /// The explorer as the app wires it, without the URL: the query lives in this component.
    #[component]
    fn BenchExplorer(props: &BenchExplorerProps) -> Html {
        let query = use_state(ExploreQuery::default);
        let on_change = {
            let query = query.clone();
            Callback::from(move |next: ExploreQuery| query.set(next))
        };
        html! {
            <main>
                <ExploreView
                    pack={props.pack.clone()}
                    explorer={props.explorer.clone()}
                    query={(*query).clone()}
                    on_change={on_change.clone()}
                    on_type={on_change}
                />
                <p id="bench-marker" hidden=true data-query={query.to_fragment()}></p>
            </main>
        }
    }

    fn now() -> f64 {
        gloo::utils::window()
            .performance()
            .map_or_else(js_sys::Date::now, |performance| performance.now())
    }

    /// Renders the explorer over `n` synthetic articles (replacing any earlier one); returns the
    /// milliseconds spent generating the collection and building its indexes.
    #[wasm_bindgen]
    pub fn explorer(n: usize) -> f64 {
        MOUNTED.with(|mounted| {
            if let Some(app) = mounted.borrow_mut().take() {
                app.destroy();
            }
        });
        let started = now();
        let synth = parallax_core::synth::corpus(SEED, n);
        let pack = Shared::new(synth.to_pack());
        let explorer = Shared::new(synth.explorer());
        let spent = now() - started;
        let document = gloo::utils::document();
        let root = document
            .get_element_by_id("bench-root")
            .expect_throw("the page has #bench-root");
        let app = yew::Renderer::<BenchExplorer>::with_root_and_props(
            root,
            BenchExplorerProps { pack, explorer },
        )
        .render();
        MOUNTED.with(|mounted| *mounted.borrow_mut() = Some(app));
        spent
    }

    /// Bytes of article text in `n` synthetic articles.
    #[wasm_bindgen]
    pub fn synth_bytes(n: usize) -> usize {
        parallax_core::synth::corpus(SEED, n)
            .docs
            .iter()
            .map(|doc| doc.body.len())
            .sum()
    }

    fn first_bytes(raw: &str, target_bytes: usize) -> String {
        let mut out = String::new();
        for line in raw.lines() {
            if out.len() >= target_bytes {
                break;
            }
            out.push_str(line);
            out.push('\n');
        }
        out
    }

    /// Aligns two ~5 KB articles to the seed catalogue `runs` times; each run's milliseconds.
    #[wasm_bindgen]
    pub fn align_runs(runs: usize) -> Vec<f64> {
        let catalogue = parallax::seed_pack().events.events;
        let first = parallax_core::analyze(SEED_000);
        let second = parallax_core::analyze(&first_bytes(SEED_003, 5 * 1024));
        let articles = [&first, &second];
        (0..runs)
            .map(|_| {
                let started = now();
                let alignment = parallax_core::align::align(&articles, &catalogue);
                let spent = now() - started;
                // Keep the result alive past the clock so the work cannot be skipped.
                std::hint::black_box(alignment);
                spent
            })
            .collect()
    }
}

/// The page exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bench_web runs only in the browser: use `cargo xtask bench-web`");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
