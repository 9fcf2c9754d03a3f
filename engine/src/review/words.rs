//! A word-by-word difference of two texts: the longest common subsequence of their
//! whitespace-separated words, in linear memory (Hirschberg's algorithm) after the common
//! beginning and end are set aside.

/// One run of words in a word-by-word difference. Consecutive words of the same kind form one
/// run, joined by single spaces; in a changed stretch the removed words come first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordOp {
    /// Words in both texts.
    Same(String),
    /// Words only in the old text.
    Removed(String),
    /// Words only in the new text.
    Added(String),
}

impl WordOp {
    pub fn text(&self) -> &str {
        match self {
            WordOp::Same(t) | WordOp::Removed(t) | WordOp::Added(t) => t,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Same,
    Removed,
    Added,
}

/// The word-by-word difference from `old` to `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<WordOp> {
    let a: Vec<&str> = old.split_whitespace().collect();
    let b: Vec<&str> = new.split_whitespace().collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut words: Vec<(Kind, &str)> = Vec::with_capacity(a.len() + b.len());
    words.extend(a[..prefix].iter().map(|w| (Kind::Same, *w)));
    hirschberg(
        &a[prefix..a.len() - suffix],
        &b[prefix..b.len() - suffix],
        &mut words,
    );
    words.extend(a[a.len() - suffix..].iter().map(|w| (Kind::Same, *w)));
    runs(&words)
}

/// The common subsequence of `a` and `b`, as kinds of words appended to `out`.
fn hirschberg<'a>(a: &[&'a str], b: &[&'a str], out: &mut Vec<(Kind, &'a str)>) {
    match a {
        [] => out.extend(b.iter().map(|w| (Kind::Added, *w))),
        [only] => match b.iter().position(|w| w == only) {
            Some(k) => {
                out.extend(b[..k].iter().map(|w| (Kind::Added, *w)));
                out.push((Kind::Same, only));
                out.extend(b[k + 1..].iter().map(|w| (Kind::Added, *w)));
            }
            None => {
                out.push((Kind::Removed, only));
                out.extend(b.iter().map(|w| (Kind::Added, *w)));
            }
        },
        _ if b.is_empty() => out.extend(a.iter().map(|w| (Kind::Removed, *w))),
        _ => {
            let mid = a.len() / 2;
            let front = lcs_lengths(a[..mid].iter(), b.iter());
            let back = lcs_lengths(a[mid..].iter().rev(), b.iter().rev());
            let split = (0..=b.len())
                .max_by_key(|&k| (front[k] + back[b.len() - k], std::cmp::Reverse(k)))
                .unwrap_or(0);
            hirschberg(&a[..mid], &b[..split], out);
            hirschberg(&a[mid..], &b[split..], out);
        }
    }
}

/// The last row of the LCS length table: `row[k]` is the length of the longest common
/// subsequence of all of `a` and the first `k` words of `b`.
fn lcs_lengths<'a, 'b>(
    a: impl Iterator<Item = &'a &'b str>,
    b: impl Iterator<Item = &'a &'b str> + Clone,
) -> Vec<usize>
where
    'b: 'a,
{
    let n = b.clone().count();
    let mut row = vec![0usize; n + 1];
    for x in a {
        let mut diagonal = 0;
        for (k, y) in b.clone().enumerate() {
            let above = row[k + 1];
            row[k + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[k])
            };
            diagonal = above;
        }
    }
    row
}

/// Joins consecutive words of one kind into runs; in each changed stretch, removed before
/// added.
fn runs(words: &[(Kind, &str)]) -> Vec<WordOp> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].0 == Kind::Same {
            let end = words[i..]
                .iter()
                .position(|w| w.0 != Kind::Same)
                .map_or(words.len(), |k| i + k);
            out.push(WordOp::Same(join(&words[i..end], Kind::Same)));
            i = end;
        } else {
            let end = words[i..]
                .iter()
                .position(|w| w.0 == Kind::Same)
                .map_or(words.len(), |k| i + k);
            let removed = join(&words[i..end], Kind::Removed);
            let added = join(&words[i..end], Kind::Added);
            if !removed.is_empty() {
                out.push(WordOp::Removed(removed));
            }
            if !added.is_empty() {
                out.push(WordOp::Added(added));
            }
            i = end;
        }
    }
    out
}

fn join(words: &[(Kind, &str)], kind: Kind) -> String {
    words
        .iter()
        .filter(|w| w.0 == kind)
        .map(|w| w.1)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use WordOp::*;

    fn s(t: &str) -> String {
        t.to_string()
    }

    #[test]
    fn replacement_in_the_middle() {
        assert_eq!(
            word_diff(
                "Året gick bra för föreningen",
                "Året gick mycket bra för oss"
            ),
            vec![
                Same(s("Året gick")),
                Added(s("mycket")),
                Same(s("bra för")),
                Removed(s("föreningen")),
                Added(s("oss")),
            ]
        );
    }

    #[test]
    fn whitespace_is_not_a_word() {
        assert_eq!(word_diff("a  b\nc", "a b c"), vec![Same(s("a b c"))]);
        assert_eq!(word_diff("", ""), vec![]);
        assert_eq!(word_diff("", "ny text"), vec![Added(s("ny text"))]);
        assert_eq!(word_diff("gammal", ""), vec![Removed(s("gammal"))]);
    }

    #[test]
    fn the_common_subsequence_is_longest() {
        // a b c d e f → a c e x f: keep a, c, e, f.
        assert_eq!(
            word_diff("a b c d e f", "a c e x f"),
            vec![
                Same(s("a")),
                Removed(s("b")),
                Same(s("c")),
                Removed(s("d")),
                Same(s("e")),
                Added(s("x")),
                Same(s("f")),
            ]
        );
        // Reversed: one word can be kept, whichever.
        let reversed = word_diff("x y z", "z y x");
        let kept: Vec<_> = reversed.iter().filter(|o| matches!(o, Same(_))).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].text().split(' ').count(), 1);
    }

    /// Both texts can be read back from the difference.
    #[test]
    fn both_texts_come_back() {
        let old = "ett två tre fyra fem sex sju åtta nio tio ".repeat(50);
        let new = old.replace("fem", "FEM").replace("nio tio", "tio");
        let ops = word_diff(&old, &new);
        let back = |keep: fn(&WordOp) -> bool| {
            ops.iter()
                .filter(|o| keep(o))
                .map(WordOp::text)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(back(|o| !matches!(o, Added(_))), words(&old));
        assert_eq!(back(|o| !matches!(o, Removed(_))), words(&new));
        let same: usize = ops
            .iter()
            .filter(|o| matches!(o, Same(_)))
            .map(|o| o.text().split(' ').count())
            .sum();
        assert_eq!(same, 500 - 50 - 50);
    }
}
