//! The highlight legend: one checkbox per layer, each with a sample of how its marks look.

use yew::prelude::*;

use crate::highlight::Layer;

#[derive(Properties, PartialEq)]
pub struct HighlightLegendProps {
    /// Every layer the article has, with its number of highlights.
    pub layers: Vec<(Layer, usize)>,
    /// Ids of the layers currently shown.
    pub shown: Vec<String>,
    /// Called with a layer id when its checkbox is toggled.
    pub on_toggle: Callback<String>,
}

#[component]
pub fn HighlightLegend(props: &HighlightLegendProps) -> Html {
    let items = props.layers.iter().map(|(layer, count)| {
        let id = layer.id.clone();
        let on_toggle = props.on_toggle.clone();
        let onchange = Callback::from(move |_: Event| on_toggle.emit(id.clone()));
        let checked = props.shown.contains(&layer.id);
        html! {
            <li key={layer.id.clone()}>
                <label class="legend-item">
                    <input type="checkbox" {checked} {onchange} />
                    <span class={classes!("swatch", "hl", format!("hl-{}", layer.id))} aria-hidden="true">{ "Aa" }</span>
                    { format!("{} ({count})", layer.name) }
                </label>
            </li>
        }
    });
    html! {
        <fieldset class="legend">
            <legend>{ "Highlights" }</legend>
            if props.layers.is_empty() {
                <p class="legend-empty">{ "The analysis found nothing to highlight in this text." }</p>
            } else {
                <ul role="list" class="legend-list">{ for items }</ul>
                <p class="legend-hint">{ "Tab to a highlight or click it to see why it was flagged; Escape closes the explanation." }</p>
            }
        </fieldset>
    }
}
