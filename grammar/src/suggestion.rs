/// The candidate closest to `name`, if it is close enough to be what was meant.
///
/// Closeness is the Levenshtein distance, case-insensitive, allowed to grow with the length of the
/// name (one edit for short names, a third of the length for longer ones). Names longer than
/// [`LONGEST`] characters get no suggestion: the distance takes time and memory in the product
/// of the lengths, and a name that long is not a slip of the keyboard.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let length = name.chars().count();
    if length > LONGEST {
        return None;
    }
    let lower = name.to_lowercase();
    let limit = (length / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        // More edits than allowed are needed when the lengths differ by more (this also keeps
        // long candidates out).
        if candidate.len() > 4 * (length + limit)
            || candidate.chars().count().abs_diff(length) > limit
        {
            continue;
        }
        let d = distance(&lower, &candidate.to_lowercase());
        if d <= limit && best.is_none_or(|(bd, bc)| (d, candidate) < (bd, bc)) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// The longest name [`suggest`] looks for near misses of, in characters.
const LONGEST: usize = 256;

/// Optimal string alignment distance: Levenshtein plus swaps of adjacent characters, the most
/// common typing slip (`usres`).
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn case(name: &str, candidates: &[&str], expected: Option<&str>) {
        assert_eq!(suggest(name, candidates.iter().copied()), expected);
    }

    #[test]
    fn suggestions() {
        case(
            "timestamptzz",
            &["timestamptz", "timestamp", "text"],
            Some("timestamptz"),
        );
        case("usres", &["users", "orders"], Some("users"));
        case("emial", &["email", "id"], Some("email"));
        case("xyz", &["users", "orders"], None);
        case("Email", &["email"], Some("email"));
        // Ties go to the alphabetically first candidate, so output is stable.
        case("ab", &["ac", "aa"], Some("aa"));
        // Long names are not compared (the work grows with the product of the lengths).
        let long = "x".repeat(1_000_000);
        let near = format!("{}y", &long[1..]);
        case(&long, &[near.as_str()], None);
        case("xxxx", &[long.as_str()], None);
    }
}
