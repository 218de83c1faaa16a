//! The app's entry point: renders [`parallax::App`] into the page body.

fn main() {
    yew::Renderer::<parallax::App>::new().render();
}
