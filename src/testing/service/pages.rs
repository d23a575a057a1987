//! Pagination as the service does it: pages of `maxResults` items (0 or
//! absent: 100), and opaque `nextToken`s bound to the listing that issued
//! them, so a token from another listing (another operation, resource or
//! filter) or a made-up one is `InvalidToken`.

use super::{Fault, Outcome};

/// The page size when `maxResults` is 0 or absent.
const DEFAULT_PAGE_SIZE: usize = 100;

/// One page of `items` for the listing named by `listing` (the operation and
/// every filter that shapes the list), starting where `token` says.
pub(crate) fn page<T>(
    items: Vec<T>,
    listing: &str,
    max_results: Option<i32>,
    token: Option<&str>,
) -> Outcome<(Vec<T>, Option<String>)> {
    let key = fnv1a(listing);
    let start = match token {
        None => 0,
        Some(token) => decode(token, key)
            .filter(|&at| at <= items.len())
            .ok_or_else(|| Fault::new("InvalidToken", format!("Invalid Token: '{token}'")))?,
    };
    let size = match max_results {
        Some(n) if n > 0 => n as usize,
        _ => DEFAULT_PAGE_SIZE,
    };
    let end = start.saturating_add(size).min(items.len());
    let next = (end < items.len()).then(|| encode(end, key));
    let page = items.into_iter().skip(start).take(end - start).collect();
    Ok((page, next))
}

/// 32 hex digits: the listing's key, then the position masked by it.
fn encode(at: usize, key: u64) -> String {
    format!("{key:016x}{:016x}", at as u64 ^ key)
}

fn decode(token: &str, key: u64) -> Option<usize> {
    if token.len() != 32 || !token.is_ascii() {
        return None;
    }
    let issued_for = u64::from_str_radix(&token[..16], 16).ok()?;
    let masked = u64::from_str_radix(&token[16..], 16).ok()?;
    (issued_for == key).then(|| usize::try_from(masked ^ key).ok()).flatten()
}

/// FNV-1a, 64 bits: a stable key for a listing.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn pages_follow_each_other_and_end_without_a_token() {
        let (first, token) = page((0..5).collect(), "L", Some(2), None).unwrap();
        assert_eq!(first, [0, 1]);
        let token = token.unwrap();
        assert!(token.parse::<u64>().is_err(), "not a bare index: {token}");
        let (second, token) = page((0..5).collect(), "L", Some(2), Some(&token)).unwrap();
        assert_eq!(second, [2, 3]);
        let (last, token) = page((0..5).collect(), "L", Some(2), token.as_deref()).unwrap();
        assert_eq!((last, token), (vec![4], None));
    }

    #[test]
    fn a_token_of_another_listing_or_made_up_is_refused() {
        let (_, token) = page((0..5).collect::<Vec<_>>(), "L", Some(2), None).unwrap();
        let token = token.unwrap();
        assert!(page((0..5).collect::<Vec<_>>(), "M", Some(2), Some(&token)).is_err());
        assert!(page((0..5).collect::<Vec<_>>(), "L", Some(2), Some("2")).is_err());
        let (all, _) = page((0..150).collect::<Vec<_>>(), "L", None, None).unwrap();
        assert_eq!(all.len(), 100, "the default page size");
    }
}
