use expect_test::{expect, Expect};

use super::hay::{
    self, BLOG_POST, CLEAN_ARTICLE, INTERVIEW, MARKDOWN_POST, NEWS_PAGE_WITH_COOKIE_NOTE,
    NEWS_SITE_PAGE, OP_ED, WIRE_REPORT,
};
use super::*;

/// Cleaning as a reader sees it: the removed lines with their reasons, any disclosures, then the
/// clean paragraphs (cut to 70 characters).
fn check(raw: &str, expect: Expect) {
    let cleaned = clean(raw);
    let mut out = String::new();
    for removed in &cleaned.removed {
        out.push_str(&format!(
            "- {:>3} {:<45} {}\n",
            removed.line, removed.reason, removed.text
        ));
    }
    for disclosure in &cleaned.disclosures {
        out.push_str(&format!(
            "disclosure {:?} at line {}\n",
            disclosure.kind, disclosure.line
        ));
    }
    out.push_str("---\n");
    for paragraph in cleaned.text.split("\n\n").filter(|p| !p.is_empty()) {
        let short: String = paragraph.chars().take(70).collect();
        out.push_str(&format!("| {short}\n"));
    }
    expect.assert_eq(&out);
}

#[test]
fn seed_000_teasers_title_and_comment_form() {
    check(
        hay::seed("000"),
        expect![[r#"
        -   1 printed date (kept as metadata)               Sunday, January 11, 2026
        -   3 navigation teaser                             Top 5 This Week
        -   5 navigation teaser                             Related Posts
        -   7 title (kept as metadata)                      The Fracturing of NATO’s Core Values: A Growing Concern for Global Stability
        -  49 comment form                                  LEAVE A REPLY
        -  51 comment form                                  Please enter your comment!
        -  52 comment form                                  Please enter your name here
        -  54 navigation teaser                             Popular Articles
        ---
        | The recent diplomatic spat between Lithuania and Belarus, which erupte
        | In the midst of the tense standoff, Lithuania's foreign minister, Gabr
        | Historically, NATO has been built on the foundation of collective defe
        | Data from the Pew Research Center highlights the growing concerns amon
        | The recent diplomatic incident between Lithuania and Belarus serves as
        | The situation has significant implications for global stability, parti
        | "We are seeing a clear demonstration of the erosion of NATO's core val
        | In contrast, some analysts argue that NATO is taking steps to address 
        | Despite these efforts, many experts remain skeptical about the allianc
        | As tensions within NATO continue to rise, policymakers and diplomats m
        | Current Developments:
        | Recent reports suggest that Lithuania is taking steps to strengthen it
        | In contrast, other NATO member states are taking a more nuanced approa
        | Future Impact:
        | Short-term (next 6 months):
        | Lithuania is likely to continue to escalate tensions with Belarus thro
        | NATO may take steps to strengthen its collective defense capabilities,
        | The alliance's leadership will need to address the growing divisions w
        | Long-term (5-10 years):
        | NATO may undergo significant reforms in response to the growing challe
        | The alliance's commitment to democratic values may be tested as some m
        | The impact of mass migration on European societies will continue to be
    "#]],
    );
}

#[test]
fn seed_001_byline_and_headings() {
    check(
        hay::seed("001"),
        expect![[r#"
        -   1 byline (kept as metadata)                     by Martin Haffner Associate Editor
        ---
        | In an era marked by geopolitical tension and shifting alliances, Russi
        | Historical Context
        | The Post-Cold War era saw a gradual expansion of NATO, with former Eas
        | Efforts at rapprochement were made in the 2000s, with discussions abou
        | Implications for Global Security
        | Putin’s closure of the door to NATO brings several critical implicatio
        | Increased Military Categorization: The decision solidifies the divide 
        | Deepening of Alliances: This move may push Russia to strengthen allian
        | Stability in Eastern Europe: Countries that border Russia may feel an 
        | Impact on Global Diplomacy: Putin’s stance may affect diplomatic effor
        | Reactions from the West
        | In response to Putin’s declaration, NATO officials reaffirmed their co
        | Western leaders have labeled Russia’s rejection of NATO engagement as 
        | Conclusion
        | Vladimir Putin’s closure of the door to NATO underlines a crucial turn
    "#]],
    );
}

#[test]
fn seed_002_date_title_subtitle_and_no_comments() {
    check(
        hay::seed("002"),
        expect![[r#"
        -   1 printed date (kept as metadata)               Friday, December 24, 2021
        -   3 title (kept as metadata)                      NATO In Denial Of Importance Of Russia's 'Sphere Of Influence'
        -   5 subtitle (kept as metadata)                   Why is NATO in Denial of West's Non-Expansion Vows & Importance of Russia's 'Sphere of Influence'?
        -  23 comment form                                  No comments:
        ---
        | In response to Russia's security proposal envisaging NATO's non-expans
        | US Secretary of State Antony Blinken spoke on 23 December with NATO se
        | Earlier, on 21 December, the NATO chief said that "the age of spheres 
        | Stoltenberg echoed Blinken who stated in May 2021 that the United Stat
        | It is hardly surprising that Blinken and Stoltenberg unanimously dismi
        | This is a case where two different versions of world order collide and
        | "NATO is an alliance in crisis that needs to survive to have an enemy 
        | The problem, however, is that Moscow "would interpret these signals an
    "#]],
    );
}

#[test]
fn seed_003_ai_disclosure_and_lists() {
    check(
        hay::seed("003"),
        expect![[r#"
        -   1 disclosure of AI assistance (kept as metadata) 📝 Note for Readers: This piece includes AI-assisted content. It's always a good idea to verify key facts from trusted sources.
        disclosure AiAssistance at line 1
        ---
        | NATO plays a pivotal role in fostering democracy and stability across 
        | Understanding NATO’s support for democracy raises important questions 
        | NATO’s Strategic Framework for Promoting Democracy and Stability
        | NATO’s strategic approach to promoting democracy and stability is root
        | Key components include collaborative efforts with non-member states to
        | Deterring threats to democratic institutions is central to NATO’s fram
        | Historical Contributions of NATO to Global Stability
        | NATO has significantly contributed to global stability through numerou
        | Historically, NATO’s involvement in crises such as the Balkan Wars exe
        | Moreover, NATO’s early deployments in Afghanistan underscored its capa
        | These efforts underscore NATO’s ongoing influence in shaping a safer i
        | Security Partnerships and Democratic Assistance Programs
        | NATO’s support for democracy and stability is significantly reinforced
        | Through joint military exercises, information sharing, and strategic d
        | Additionally, NATO’s democratic assistance programs emphasize capacity
        | While these efforts have proven valuable, their success relies on care
        | Collaboration with Non-Member States
        | NATO’s engagement with non-member states involves a range of collabora
        | - NATO often partners with non-member states through formal programs s
        | - These initiatives help non-member countries adopt NATO standards and
        | - Capacity-building projects include defense reform, civil-military re
        | Such collaboration not only enhances regional peace and security but a
        | Capacity-Building Initiatives for Emerging Democracies
        | Capacity-building initiatives for emerging democracies are a fundament
        | NATO collaborates with partner countries through various training prog
        | Furthermore, NATO offers technical assistance and expert advisory serv
        | While many of these initiatives are tailored to the specific needs of 
        | Deterring Threats to Democratic Institutions
        | Deterring threats to democratic institutions is a core component of NA
        | By maintaining a robust collective defense posture, NATO discourages a
        | NATO’s deterrence strategies benefit from strong partnerships with all
        | Challenges and Criticisms of NATO’s Support for Democracy
        | NATO’s efforts to support democracy and stability have faced notable c
        | Another criticism pertains to the uneven application of NATO’s support
        | Additionally, geopolitical tensions sometimes impede NATO’s ability to
        | Critics also argue that military interventions under NATO’s banner, in
        | The Future of NATO in Sustaining Democracy and Stability
        | The future of NATO in sustaining democracy and stability will likely i
        | Evolving strategic priorities include addressing hybrid warfare, cyber
        | Integrating emerging security challenges will require NATO to enhance 
        | Overall, NATO’s continued commitment to democratic principles remains 
        | Evolving Strategic Priorities
        | The strategic priorities of NATO are continuously adapting to the chan
        | Recent developments emphasize a focus on hybrid threats, cyber securit
        | To maintain relevance, NATO also emphasizes partnership development, c
        | Key areas of adaptation include:
        | - Addressing emerging security threats like cyber attacks and disinfor
        | - Strengthening partnerships with countries committed to democracy.
        | - Enhancing defense capabilities through technological innovation.
        | - Fostering resilience within member and partner nations to uphold dem
        | Integrating Emerging Security Challenges
        | Integrating emerging security challenges is a critical aspect of NATO’
        | NATO’s efforts include developing capabilities to counter cyber threat
        | Furthermore, addressing emerging security challenges involves fosterin
        | Case Studies Demonstrating NATO’s Role in Supporting Democracy and Sta
        | NATO has contributed to supporting democracy and stability through sev
        | Another significant example is NATO’s engagement with Afghanistan thro
        | NATO’s partnership with Ukraine also highlights efforts to bolster dem
        | NATO’s role in supporting democracy and stability remains integral to 
        | As NATO continues to adapt to evolving security challenges, its commit
        | Ultimately, NATO’s unwavering support in promoting democracy and stabi
    "#]],
    );
}

#[test]
fn seed_004_title_only() {
    check(
        hay::seed("004"),
        expect![[r#"
        -   1 title (kept as metadata)                      Behind Closed Doors: NATO’s Secretive Push for Expanded Military Presence and Global Security Concerns
        ---
        | The recent NATO summit in The Hague, held on June 24-25, has reignited
        | Delegates from member states reaffirmed a commitment to increase defen
        | This move comes amid persistent concerns over the growing militarizati
        | The decision to set a higher spending benchmark was framed as a necess
        | Vladimir Putin, who has consistently voiced opposition to NATO’s eastw
        | In previous statements, he has warned that NATO’s actions are not only
        | The Russian president has argued that this cycle of militarization und
        | Sergey Lavrov, Russia’s foreign minister, has echoed these concerns, e
        | Lavrov has pointed out that the current target of 2% GDP for defense s
        | He has also highlighted that Russia’s security is not contingent on th
        | This perspective underscores a fundamental disagreement between Moscow
        | At the heart of this debate lies the complex interplay between NATO’s 
        | Russian officials have consistently maintained that their military act
        | They argue that the Maidan revolution in 2014, which led to the oustin
        | This narrative forms the basis of Russia’s justification for its conti
        | The implications of NATO’s decisions and Russia’s responses extend bey
        | They reflect deeper ideological and strategic divides between the West
        | As the alliance moves forward with its plans for increased militarizat
        | For now, both sides remain entrenched in their positions, leaving the 
    "#]],
    );
}

#[test]
fn wire_report() {
    check(
        WIRE_REPORT,
        expect![[r#"
        -   1 title (kept as metadata)                      Port authority fines shipping firm over fuel spill
        -   3 byline (kept as metadata)                     By Jane Doe, Reuters
        -   5 printed date (kept as metadata)               Published: March 3, 2024 10:42 AM GMT
        -  13 reporting credits (kept as metadata)          Reporting by Jane Doe; Editing by John Roe
        ---
        | ROTTERDAM (Reuters) - The port authority fined a shipping company 2.1 
        | "We expect every operator to report leaks within the hour," the author
        | The company said it would appeal.
    "#]],
    );
}

#[test]
fn blog_post_with_share_bar_newsletter_and_comments() {
    check(
        BLOG_POST,
        expect![[r#"
        -   1 share bar                                     Share this:
        -   2 share bar                                     Facebook | Twitter | LinkedIn | Email
        -   4 title (kept as metadata)                      Why our town library should open on Sundays
        -   5 printed date (kept as metadata)               Posted on 24 Dec 2021
        -  11 read-more link                                Read more: How other towns fund weekend opening
        -  13 newsletter prompt                             Sign up for our newsletter and get the week's posts delivered to your inbox!
        -  15 tag list                                      Tags: libraries, council, budget
        -  17 comment form                                  3 Comments
        -  18 comment section (below "3 Comments")          Mark said the council would never agree to it.
        -  19 comment section (below "3 Comments")          Anna wrote that she would volunteer on Sundays.
        ---
        | Every Sunday the doors of the town library stay shut, while the parks,
        | Opening one extra day would cost less than the council spends each yea
    "#]],
    );
}

#[test]
fn clean_article_loses_nothing() {
    check(
        CLEAN_ARTICLE,
        expect![[r#"
        ---
        | The council voted on Tuesday to extend the bus route to the hospital, 
        | Residents had collected more than 3,000 signatures for the extension.
        | "It took too long," said Maria Lopez, who runs the residents' associat
        | The new buses will run from June.
    "#]],
    );
}

#[test]
fn markdown_hard_wrapped_post() {
    check(
        MARKDOWN_POST,
        expect![[r#"
        -   1 title (kept as metadata)                      # Ferry timetable changes for the winter
        -   3 byline (kept as metadata)                     By JANE DOE and JOHN ROE
        ---
        | The ferry company will cut the number of daily crossings from six to f
        | What changes
        | - The first crossing leaves at 7:30 instead of 6:45.
        | - The last crossing leaves at 19:00.
        | Passengers with season tickets will get a partial refund, the company 
    "#]],
    );
}

#[test]
fn cookie_note_and_advertisement_marker() {
    check(
        NEWS_PAGE_WITH_COOKIE_NOTE,
        expect![[r#"
        -   1 cookie note                                   We use cookies to improve your experience. By continuing to use this site, you agree.
        -   2 cookie note                                   Accept all
        -   4 byline (kept as metadata)                     Jane Doe | Staff Writer
        -   5 printed date (kept as metadata)               2021-12-24
        -   8 advertisement                                 Advertisement
        ---
        | City hall will close two branch offices next year to save money, the m
        | The offices handle about 40 visitors a day, according to the city's ow
    "#]],
    );
}

#[test]
fn news_site_page_with_menu_caption_and_topic_links() {
    check(
        NEWS_SITE_PAGE,
        expect![[r#"
        -   1 navigation link                               Skip to content
        -   2 navigation link                               Home
        -   3 navigation or section label (above the title) News
        -   4 navigation or section label (above the title) Weather
        -   5 title (kept as metadata)                      River breaks its banks after record rainfall, officials say
        -   6 time stamp                                    2 hours ago
        -   7 share bar                                     Share
        -   8 share bar                                     Save
        -  11 image caption label                           Image caption,
        -  12 image caption (below "Image caption,")        Volunteers filled sandbags through the night
        -  16 navigation teaser                             Related topics
        -  17 navigation teaser (listed under "Related topics") Flooding
        -  18 navigation teaser (listed under "Related topics") Weather
        -  19 navigation teaser                             More on this story
        ---
        | Ana Ruiz
        | Valley News
        | The river burst its banks on Tuesday after the wettest week on record,
        | "We have never seen water this high," said the town's mayor, Peter Lan
        | The weather service expects more rain on Thursday.
    "#]],
    );
}

#[test]
fn markdown_interview() {
    check(
        INTERVIEW,
        expect![[r#"
        -   1 title (kept as metadata)                      # "We cannot afford to wait": an interview with a soil scientist
        -   3 byline and date (kept as metadata)            *Interview by Ana Ruiz | 5 May 2024*
        ---
        | Q: Why do you think farms are changing so slowly?
        | A: Because the costs come now and the benefits come later. That is har
        | Q: What would you change first?
        | A: Subsidies. We still pay people to drain peat bogs.
    "#]],
    );
}

#[test]
fn op_ed_with_section_label_and_dek() {
    check(
        OP_ED,
        expect![[r#"
        -   1 navigation or section label (above the title) Opinion
        -   2 title (kept as metadata)                      The county must spend more on buses, and spend smarter
        -   3 subtitle (kept as metadata)                   Bus budgets are rising. That is not the same as buses getting better.
        -   4 byline (kept as metadata)                     By Mark Rutherford
        -   5 printed date (kept as metadata)               June 26, 2025
        ---
        | When the council agreed to raise the transport budget by a fifth, many
        | They should not. Money is not service, and service is not reliability.
        | Mark Rutherford is a former transport planner.
    "#]],
    );
}

#[test]
fn one_sentence_per_line_is_not_mistaken_for_hard_wrapping() {
    check(
        "Ministers met in Oslo on Monday to discuss the fishing quota for next year.\nThe talks ended without a deal, a spokesman said.\nBoth sides will meet again in March, according to the agenda.\n",
        expect![[r#"
            ---
            | Ministers met in Oslo on Monday to discuss the fishing quota for next 
            | The talks ended without a deal, a spokesman said.
            | Both sides will meet again in March, according to the agenda.
        "#]],
    );
}

#[test]
fn separators_and_old_mac_line_endings() {
    check(
        "The first part of the story ends here, the reporter wrote.\r* * *\rThe second part begins after the break, she added.\r",
        expect![[r#"
            -   2 separator line (no words)                     * * *
            ---
            | The first part of the story ends here, the reporter wrote.
            | The second part begins after the break, she added.
        "#]],
    );
}

#[test]
fn no_comments_as_a_sentence_stays() {
    check(
        "The minister left the building without speaking to reporters on Monday.\n\nAsked about the report, her office said only this.\n\nNo comments.\n\nThe report will be published in full next week, officials said.\n",
        expect![[r#"
            ---
            | The minister left the building without speaking to reporters on Monday
            | Asked about the report, her office said only this.
            | No comments.
            | The report will be published in full next week, officials said.
        "#]],
    );
}

#[test]
fn press_release_labels_and_contact() {
    check(
        "FOR IMMEDIATE RELEASE\n\nCity museum opens new wing for local history\n\nThe museum will open its new wing on Saturday, the director announced in a statement.\n\n###\n\nMedia contact: press@museum.example\n",
        expect![[r#"
            -   1 press-release label                           FOR IMMEDIATE RELEASE
            -   3 title (kept as metadata)                      City museum opens new wing for local history
            -   7 separator line (no words)                     ###
            -   9 press-release contact                         Media contact: press@museum.example
            ---
            | The museum will open its new wing on Saturday, the director announced 
        "#]],
    );
}

#[test]
fn markdown_front_matter_leaves_the_body() {
    check(
        "---\ntitle: \"Night buses return to the old town\"\nauthor: Jane Doe\ndate: 2024-05-05\nlayout: post\n---\n\nNight buses will run through the old town again from June, the transport authority said.\n",
        expect![[r#"
            -   1 front matter                                  ---
            -   2 title from front matter (kept as metadata)    title: "Night buses return to the old town"
            -   3 byline from front matter (kept as metadata)   author: Jane Doe
            -   4 printed date from front matter (kept as metadata) date: 2024-05-05
            -   5 front matter                                  layout: post
            -   6 front matter                                  ---
            ---
            | Night buses will run through the old town again from June, the transpo
        "#]],
    );
}

#[test]
fn odd_input_yields_no_paragraphs_and_no_panic() {
    check(
        "",
        expect![[r#"
        ---
    "#]],
    );
    check(
        "\u{feff}\r\n \t\u{a0}\r\n",
        expect![[r#"
        ---
    "#]],
    );
    check(
        "Related Posts\nShare\n",
        expect![[r#"
        -   1 navigation teaser                             Related Posts
        -   2 share bar                                     Share
        ---
    "#]],
    );
}

#[test]
fn a_sentence_that_mentions_ai_or_comments_stays() {
    check(
        "Officials said the new rules on AI-assisted content would take effect next year, after comments from the public.\n\nComments from the public closed in May, the ministry said in a short statement on Monday.\n",
        expect![[r#"
            ---
            | Officials said the new rules on AI-assisted content would take effect 
            | Comments from the public closed in May, the ministry said in a short s
        "#]],
    );
}

#[test]
fn every_data_rule_is_understood() {
    let known = [
        "line",
        "starts",
        "comment-heading",
        "teaser-heading",
        "caption-heading",
        "share-network",
        "share-word",
        "disclosure",
        "ai-phrase",
        "credits",
    ];
    let unknown: Vec<&str> = CHROME_DATA
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| {
            l.splitn(3, '|').count() != 3
                || !known.contains(&l.split('|').next().unwrap_or("").trim())
        })
        .collect();
    assert_eq!(unknown, Vec::<&str>::new());
}

/// Pages assembled from awkward pieces (chrome, dates, bylines, dashes, multi-byte characters, stray
/// bytes decoded lossily): cleaning and metadata never panic, every span lies on character
/// boundaries inside the clean text, and the same page always gives the same result.
#[test]
fn awkward_pages_never_break_the_invariants() {
    const PIECES: &[&str] = &[
        "Related Posts",
        "LEAVE A REPLY",
        "By JANE DOE and JOHN ROE",
        "Friday, December 24, 2021",
        "June 24-25",
        "2021-12-24",
        "WASHINGTON (Reuters) - ",
        "KYIV, Ukraine \u{2014} ",
        "\u{1f4dd} Note for Readers: AI-assisted.",
        "Share this: Facebook | Twitter",
        "# Heading",
        "- list item",
        "\u{a0}\u{a0}",
        "\r",
        "\u{feff}",
        "\u{fffd}",
        "The council said on Monday that the plan would go ahead.",
        "\u{201c}Quote,\u{201d} she said.",
        "©",
        "2\u{e9}21-12-24",
        "10:42 AM",
        "By ",
        " - ",
        "...",
        "\u{2019}",
        "\u{5d0}\u{5d1}",
        "e\u{301}",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % bound
    };
    for _ in 0..1000 {
        let mut page = String::new();
        for _ in 0..next(24) {
            page.push_str(PIECES[next(PIECES.len())]);
            page.push_str(["\n", "\n\n", " ", ""][next(4)]);
        }
        let cleaned = clean(&page);
        let metadata = crate::meta::detect(&page, &cleaned);
        let text = &cleaned.text;
        for span in metadata
            .lede
            .iter()
            .chain(metadata.dateline.as_ref().map(|d| &d.span))
        {
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "span {span:?} outside the text of {page:?}"
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "span {span:?} splits a character in {page:?}"
            );
        }
        assert_eq!(clean(&page), cleaned, "cleaning {page:?} twice differs");
        let separator = if page.contains('\n') { '\n' } else { '\r' };
        let n_lines = page.split(separator).count();
        assert!(cleaned
            .removed
            .iter()
            .all(|r| r.line >= 1 && r.line <= n_lines));
    }
}

#[test]
fn a_text_of_one_headline_like_line_keeps_it_as_its_body() {
    // Found by fuzzing the pack loader: the line became the title and the article had no text left.
    check(
        "The council voted to extend the bus route to the hospital\n",
        expect![[r#"
            ---
            | The council voted to extend the bus route to the hospital
        "#]],
    );
    let analysis = crate::analyze("The council voted to extend the bus route to the hospital");
    assert_eq!(
        analysis.text,
        "The council voted to extend the bus route to the hospital"
    );
    // With a body below it, the same line is still the title.
    let analysis =
        crate::analyze("Bus route extended\n\nThe council voted on Monday to extend the route.");
    assert_eq!(
        analysis.metadata.title.as_deref(),
        Some("Bus route extended")
    );
}
