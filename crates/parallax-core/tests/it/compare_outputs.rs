//! The compare view's computations give exactly the same output as before they were made faster.
//!
//! Alignment (with the catalogue, catalogue only, discovery only) and framing profiles are run on
//! every pair, triple and quadruple of the seed pack's articles (and a few reorderings and
//! synthetic articles), and each result's JSON is reduced to a 64-bit FNV-1a digest. The digests
//! below were written from the code before any speed work; a change to any of them is a change
//! of output, which speed work must never make.

use expect_test::expect;
use parallax_core::analysis::{analyze, Analysis};
use parallax_core::events::Catalogue;

const SEEDS: [&str; 5] = [
    include_str!("../../../../corpus/nato/raw/000_1ff6c65baa8f3287.txt"),
    include_str!("../../../../corpus/nato/raw/001_6d476ae4c2a60732.txt"),
    include_str!("../../../../corpus/nato/raw/002_73400efa8faf97c7.txt"),
    include_str!("../../../../corpus/nato/raw/003_94b55c3c21052adc.txt"),
    include_str!("../../../../corpus/nato/raw/004_5b7ffd7ed0d8841e.txt"),
];

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn digest<T: serde::Serialize>(value: &T) -> String {
    let json = serde_json::to_string(value).expect("serialises");
    format!("{:016x}", fnv1a(json.as_bytes()))
}

/// Every combination of `k` indices out of `n`, in lexicographic order.
fn combinations(n: usize, k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for first in 0..n {
        for rest in combinations(n, k - 1) {
            if rest.first().is_none_or(|next| *next > first) {
                let mut combo = vec![first];
                combo.extend(rest);
                out.push(combo);
            }
        }
    }
    out
}

fn line(analyses: &[Analysis], combo: &[usize], catalogue: &Catalogue) -> String {
    let articles: Vec<&Analysis> = combo.iter().map(|idx| &analyses[*idx]).collect();
    let alignment = parallax_core::align::align(&articles, &catalogue.events);
    let profiles = parallax_core::profile::profiles(&articles, &alignment);
    let catalogue_only = parallax_core::align::align_to_catalogue(&articles, &catalogue.events);
    let discovered = parallax_core::align::discover(&articles);
    let discovered_profiles = parallax_core::profile::profiles(&articles, &discovered);
    let names: Vec<String> = combo.iter().map(|idx| idx.to_string()).collect();
    format!(
        "{}: align {} profiles {} catalogue {} discover {} profiles {}\n",
        names.join("+"),
        digest(&alignment),
        digest(&profiles),
        digest(&catalogue_only),
        digest(&discovered),
        digest(&discovered_profiles),
    )
}

#[test]
fn alignment_and_profiles_are_unchanged_on_the_seed_pack() {
    let catalogue: Catalogue =
        toml::from_str(include_str!("../../../../corpus/nato/events.toml")).unwrap();
    let analyses: Vec<Analysis> = SEEDS.iter().map(|raw| analyze(raw)).collect();
    let mut out = String::new();
    for k in 2..=4 {
        for combo in combinations(SEEDS.len(), k) {
            out.push_str(&line(&analyses, &combo, &catalogue));
        }
    }
    // Column order matters to the output; a few orders other than the natural one.
    for combo in [[1, 0], [4, 2], [3, 1]] {
        out.push_str(&line(&analyses, &combo, &catalogue));
    }
    out.push_str(&line(&analyses, &[4, 3, 2, 1], &catalogue));
    out.push_str(&line(&analyses, &[0, 1, 2, 3, 4], &catalogue));
    expect![[r#"
        0+1: align 13d593ef6259a416 profiles 7df1df27aa7c40b7 catalogue 4531a23cd428c4a8 discover 95b9fecac9c87fd3 profiles 94b1a5de3c1b60f9
        0+2: align 37f01bc3bdc9e224 profiles 6433b2e127b3ddd8 catalogue 37f01bc3bdc9e224 discover e0fc5739855d2c9c profiles 18cb02d90fd776b6
        0+3: align 7c7190709f8717a8 profiles 73fb678bb2dfd056 catalogue 7c7190709f8717a8 discover e0fc5739855d2c9c profiles e9668a9a49ec7f40
        0+4: align e7aa1a49071b58d1 profiles efa30f0853983436 catalogue e7aa1a49071b58d1 discover e0fc5739855d2c9c profiles d15ceb2b74662df4
        1+2: align 5c3e04f661f1624c profiles 37644c9af88a1b9c catalogue 5c3e04f661f1624c discover e0fc5739855d2c9c profiles 2fe94bffe3eb8aa0
        1+3: align bc909971a1b6ffc6 profiles 3bc72ca898b64020 catalogue bc909971a1b6ffc6 discover e0fc5739855d2c9c profiles c153843a8f95da04
        1+4: align 29d456ef32691db9 profiles e339a561d4497ccc catalogue 29d456ef32691db9 discover 749df0375cad5880 profiles 295bd2316de22d3a
        2+3: align 4b7c9ec947f6507c profiles 3123b7ee6f787df5 catalogue 4b7c9ec947f6507c discover e0fc5739855d2c9c profiles e476069117181bf9
        2+4: align b1e88827462c6bb9 profiles 4e57f37ef1eecbc4 catalogue b1e88827462c6bb9 discover 95695820e9565ddf profiles 36defd2332459520
        3+4: align cdef6646317d92bc profiles 1205c99c5561d8b3 catalogue cdef6646317d92bc discover e0fc5739855d2c9c profiles 8a15dbae9c2306cf
        0+1+2: align dfa7a840cbeaa1c1 profiles 0fe9139d90e5022e catalogue dfa7a840cbeaa1c1 discover 89068a14d8980f0a profiles ec78b0a22a601f29
        0+1+3: align c50bf2b9b9415cc0 profiles 8c400081e349db61 catalogue 0d7387aab317f5df discover fdd630bb30ce924e profiles 3d9bb1df10222d0f
        0+1+4: align 583743aadb7d9e53 profiles f416545a868de475 catalogue ad7852244862700c discover 9eb14b9c4a23a0de profiles 92503431bd93e95c
        0+2+3: align 9ccaf6222af02585 profiles c32be981b5f257f9 catalogue 313eaefd77924abf discover d42577ac557538a9 profiles 43ff97a03d74fd51
        0+2+4: align c52da3984191442b profiles 76a12101b9a95a4f catalogue c52da3984191442b discover 71ef3adf1cb3d640 profiles c76ee0874b1b7ebb
        0+3+4: align 1d4639bb8b57be18 profiles 7db2c8645bf370db catalogue 1d4639bb8b57be18 discover 43a6729ad50ba291 profiles a102b42fd543dae8
        1+2+3: align 957391cb388c1296 profiles 1e0db0f7d4186a32 catalogue 957391cb388c1296 discover 43a6729ad50ba291 profiles f4ab762454366279
        1+2+4: align 8382b9071b0816b8 profiles 63dd282805cff319 catalogue 5ade95d73dd64880 discover a0d59b29f66f2de0 profiles a333e981ae3223e3
        1+3+4: align 958c690677eab6b1 profiles 3178f411eb38cba1 catalogue feeaaa19b0fb2d25 discover f7c6aff684d0ced3 profiles ff123520bbaf5bed
        2+3+4: align 7f9ecb6d5a578cf0 profiles 4fb4abe909fb7b88 catalogue 7f9ecb6d5a578cf0 discover f59cbf97368bbe31 profiles 0ed9db82914bdfed
        0+1+2+3: align c28d593b6bedd514 profiles 3af1457dfca4d79c catalogue b7f7750536ecf324 discover 644615d7873db6de profiles e76dd364ce8a91ca
        0+1+2+4: align 221ef1b9b89c3dce profiles 3393cad1da5c4c72 catalogue d1ffb591ea4307b2 discover 09281f8d0cbc244d profiles 8ed0c5b648462548
        0+1+3+4: align 094e6daf2e2b0da5 profiles 4a65fdc42dca1742 catalogue 5064a8dc2a8245ac discover 5c741c20e25c6567 profiles 954ce906677ba8b0
        0+2+3+4: align 92f18f587ac74c2c profiles 4289fe26b70a8158 catalogue 92f18f587ac74c2c discover 0e52c7a6e81b3ca6 profiles f888b69b8faf566c
        1+2+3+4: align 5cc673b3986f074f profiles 2645687156f21e80 catalogue b3592d68244f83c9 discover 5b97072d7e474e88 profiles 436e0eb5fab295a2
        1+0: align 0a3277ccd8c47100 profiles 287660e155c16239 catalogue d50674ee42dd4742 discover 6db0745606003d53 profiles 312a3c0a2ab6232f
        4+2: align e5dfbe9697ade49c profiles 31c127ef00d5838e catalogue e5dfbe9697ade49c discover c468f48ef09a8e45 profiles 3fa4d7f0546d5360
        3+1: align 60fede8818c9d2ab profiles 72f5c99c583515f8 catalogue 60fede8818c9d2ab discover e0fc5739855d2c9c profiles 6ceffe8a5dc0783e
        4+3+2+1: align e6e980a74aa593b7 profiles 75ff2d14451781ec catalogue 20c09888f28f5987 discover fb9f2def8ffe49f2 profiles 2ded458ae7610b6e
        0+1+2+3+4: align dfd640be39d615f2 profiles 669773eebdc6cd0c catalogue 89327f2efcd1ec1e discover c87cb1ba8fd2ac15 profiles e03e5e3a202df905
    "#]]
    .assert_eq(&out);
}

#[test]
fn alignment_and_profiles_are_unchanged_on_synthetic_articles() {
    let catalogue: Catalogue =
        toml::from_str(include_str!("../../../../corpus/nato/events.toml")).unwrap();
    let synthetic = parallax_core::synth::corpus(7, 6);
    let mut analyses: Vec<Analysis> = synthetic
        .docs
        .iter()
        .map(|doc| analyze(&format!("{}\n\n{}", doc.title, doc.body)))
        .collect();
    // A synthetic article with a seed article's paragraphs spliced in, so the two share events.
    analyses.push(analyze(&format!(
        "{}\n\n{}",
        synthetic.docs[0].body, SEEDS[2]
    )));
    let mut out = String::new();
    for combo in [vec![0, 1], vec![2, 3, 4], vec![0, 1, 5, 6], vec![6, 0]] {
        out.push_str(&line(&analyses, &combo, &catalogue));
    }
    expect![[r#"
        0+1: align 184896716be4c837 profiles 562cbacdc88747d0 catalogue 184896716be4c837 discover e0fc5739855d2c9c profiles 70cf766dde3e64bf
        2+3+4: align 8d5e0aa0fb1f9308 profiles fb32e8aaa7aa8337 catalogue 8d5e0aa0fb1f9308 discover 43a6729ad50ba291 profiles 56841bbe4ba0e113
        0+1+5+6: align 34ee738b37e33fd3 profiles e27d274bc64d4ac7 catalogue 34ee738b37e33fd3 discover b97190cd70b5abf6 profiles beef1b537ca1add4
        6+0: align e2ee604c3541ddcb profiles ef76aab1520d7a98 catalogue e2ee604c3541ddcb discover e0fc5739855d2c9c profiles 857f47378d065d1a
    "#]]
    .assert_eq(&out);
}
