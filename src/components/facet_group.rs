//! One facet of the filter panel: a named group of checkboxes, each value with its count. A facet
//! with many values (the authors or voices of a large collection) also gets a box that finds values
//! by name, so a researcher never has to page through thousands of checkboxes.

use parallax_core::facets::{Facet, FacetCounts, ValueCount};
use parallax_core::search::normalize;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Values shown before "Show all", so a long list of voices does not push the other facets away.
const SHOWN_AT_FIRST: usize = 8;
/// From how many values a facet gets its "Find" box.
pub const FIND_FROM: usize = 20;
/// The most values a search in the "Find" box lists (more are reached by typing more).
pub const FOUND_SHOWN: usize = 50;

/// The values whose name contains `find` (lower case, accents and apostrophes folded, as search
/// does), in the facet's order: the positions of at most `limit` of them, and how many match in all.
/// Ticked values are always kept, whether they match or not, and are not counted against `limit`,
/// so a filter in force can always be seen and unticked.
pub fn find_values(values: &[ValueCount], find: &str, limit: usize) -> (Vec<usize>, usize) {
    let wanted = normalize(find.trim());
    let mut shown = Vec::new();
    let (mut n_matching, mut n_listed) = (0, 0);
    for (idx, value) in values.iter().enumerate() {
        let matches = normalize(&value.value).contains(&wanted);
        n_matching += usize::from(matches);
        if value.selected {
            shown.push(idx);
        } else if matches && n_listed < limit {
            n_listed += 1;
            shown.push(idx);
        }
    }
    (shown, n_matching)
}

#[derive(Properties, PartialEq)]
pub struct FacetGroupProps {
    /// The facet's values in the panel's fixed order, with counts given the other facets' filters.
    pub counts: FacetCounts,
    /// Called with the facet and a value when its checkbox is toggled.
    pub on_toggle: Callback<(Facet, String)>,
}

#[component]
pub fn FacetGroup(props: &FacetGroupProps) -> Html {
    let show_all = use_state(|| false);
    let find = use_state(String::new);
    let facet = props.counts.facet;
    let values = &props.counts.values;
    let finding = values.len() >= FIND_FROM && !find.trim().is_empty();
    let (shown, n_found): (Vec<usize>, usize) = if finding {
        find_values(values, &find, FOUND_SHOWN)
    } else {
        // Ticked values always stay visible, so a filter in force can always be seen and unticked.
        let shown = (0..values.len())
            .filter(|&idx| *show_all || idx < SHOWN_AT_FIRST || values[idx].selected)
            .collect();
        (shown, 0)
    };
    let n_hidden = if *show_all || finding {
        0
    } else {
        values
            .iter()
            .enumerate()
            .filter(|(idx, value)| *idx >= SHOWN_AT_FIRST && !value.selected)
            .count()
    };
    let items = shown.iter().map(|&idx| &values[idx]).map(|value| {
        let onchange = {
            let on_toggle = props.on_toggle.clone();
            let name = value.value.clone();
            Callback::from(move |_: Event| on_toggle.emit((facet, name.clone())))
        };
        // A value that would leave nothing to show cannot be ticked, but stays in place.
        let disabled = value.count == 0 && !value.selected;
        html! {
            <li key={value.value.clone()}>
                <label class={classes!("facet-value", disabled.then_some("is-empty"))}>
                    <input type="checkbox" checked={value.selected} {disabled} {onchange} />
                    <span class="facet-value-name">{ &value.value }</span>
                    { " " }
                    <span class="facet-value-count">{ format!("({})", value.count) }</span>
                </label>
            </li>
        }
    });
    let toggle_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(!*show_all))
    };
    let more_button = if *show_all && values.len() > SHOWN_AT_FIRST {
        html! { <button type="button" class="facet-more" onclick={toggle_all}>{ "Show fewer values" }</button> }
    } else if n_hidden > 0 {
        html! {
            <button type="button" class="facet-more" onclick={toggle_all}>
                { format!("Show all {} values", values.len()) }
            </button>
        }
    } else {
        html! {}
    };
    let more_button = if finding {
        html! {}
    } else {
        more_button
    };
    let on_find = {
        let find = find.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                find.set(input.value());
            }
        })
    };
    // Said in a live region as the list changes under the typing.
    let found = if !finding {
        String::new()
    } else if n_found == 0 {
        "No value matches.".to_owned()
    } else if n_found > FOUND_SHOWN {
        format!(
            "{n_found} values match; the first {FOUND_SHOWN} are listed. Type more to narrow them."
        )
    } else if n_found == 1 {
        "1 value matches.".to_owned()
    } else {
        format!("{n_found} values match.")
    };
    html! {
        <fieldset class="facet-group">
            <legend>{ facet.label() }</legend>
            if values.is_empty() {
                <p class="facet-empty">{ "No values in this collection." }</p>
            } else {
                if values.len() >= FIND_FROM {
                    <label class="facet-find">
                        <span class="facet-find-label">{ format!("Find in {}", facet.label()) }</span>
                        <input type="search" value={(*find).clone()} oninput={on_find} autocomplete="off" />
                    </label>
                    // A polite live region (not `role="status"`: the explorer's count is the page's status).
                    <p class="facet-found" aria-live="polite">{ found }</p>
                }
                <ul role="list" class="facet-values">{ for items }</ul>
                { more_button }
            }
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(names: &[(&str, bool)]) -> Vec<ValueCount> {
        names
            .iter()
            .map(|&(value, selected)| ValueCount {
                value: value.to_owned(),
                count: 1,
                selected,
            })
            .collect()
    }

    #[test]
    fn values_are_found_by_any_part_of_their_name_ignoring_case_and_accents() {
        let authors = values(&[
            ("Martin Haffner", false),
            ("Zoë Martínez", false),
            ("Ann O’Neill", false),
            ("No byline", false),
        ]);
        assert_eq!(find_values(&authors, "mart", 50), (vec![0, 1], 2));
        assert_eq!(find_values(&authors, "  MARTINEZ ", 50), (vec![1], 1));
        assert_eq!(find_values(&authors, "zoe", 50), (vec![1], 1));
        assert_eq!(find_values(&authors, "o'neill", 50), (vec![2], 1));
        assert_eq!(find_values(&authors, "nobody", 50), (vec![], 0));
    }

    #[test]
    fn at_most_the_limit_is_listed_but_all_matches_are_counted_and_ticked_values_stay() {
        let voices = values(&[
            ("Official A", false),
            ("Official B", true),
            ("Official C", false),
            ("Minister D", true),
            ("Official E", false),
        ]);
        // Four match "official"; two are listed besides the ticked one, which does not count against
        // the limit; the ticked "Minister D" stays though it does not match.
        assert_eq!(find_values(&voices, "official", 2), (vec![0, 1, 2, 3], 4));
        assert_eq!(find_values(&voices, "", 10), (vec![0, 1, 2, 3, 4], 5));
    }
}
