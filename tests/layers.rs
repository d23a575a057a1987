//! The module layers of src/ point one way: src/lib.rs declares its
//! top-level modules from the top layer down, and each module's code (tests
//! and comments aside) uses only modules declared after it.

use std::collections::BTreeSet;
use std::path::Path;

/// The top-level library modules (test-only ones left out), in the order
/// src/lib.rs declares them.
fn declared() -> Vec<String> {
    let lib = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    let mut modules = Vec::new();
    let mut test_only = false;
    for line in lib.lines() {
        if let Some(rest) = line.strip_prefix("pub mod ").or_else(|| line.strip_prefix("mod ")) {
            if !test_only {
                modules.push(rest.split(';').next().unwrap().to_owned());
            }
        }
        test_only = line.trim() == "#[cfg(test)]";
    }
    modules
}

/// The text of a module's files, without comments and unit-test modules.
fn code_of(module: &str) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join(format!("{module}.rs"))];
    let mut dirs = vec![src.join(module)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut code = String::new();
    for file in files.iter().filter(|f| f.is_file()) {
        let text = std::fs::read_to_string(file).unwrap();
        let text = text.split("\n#[cfg(test)]\nmod tests").next().unwrap();
        for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
            code.push_str(line.split(" // ").next().unwrap());
            code.push('\n');
        }
    }
    code
}

/// The top-level modules `code` names with `crate::` (one level of
/// `crate::{a, b::c}` groups included).
fn uses(code: &str, modules: &[String]) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let paths = match rest.strip_prefix('{') {
            Some(group) => group.split('}').next().unwrap_or("").split(',').collect(),
            None => vec![rest],
        };
        for path in paths {
            let name: String =
                path.trim().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
            if modules.contains(&name) {
                names.insert(name);
            }
        }
    }
    names
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let modules = declared();
    assert!(modules.len() > 10, "src/lib.rs declares {modules:?}");
    let mut wrong = Vec::new();
    for (at, module) in modules.iter().enumerate() {
        for used in uses(&code_of(module), &modules) {
            let below = modules.iter().position(|m| *m == used).unwrap() > at;
            if used != *module && !below {
                wrong.push(format!("{module} uses {used}, declared above it"));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows that run back up:\n{}", wrong.join("\n"));
}
