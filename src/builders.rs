//! [`with_setters!`]: the macro that makes output and shared shapes
//! buildable outside the crate despite `#[non_exhaustive]` (for fakes and
//! tests), with chainable `with_<member>` setters and, where a member has no
//! `Default`, a `Default` impl. It holds no shapes itself.

/// Declares chainable setters for shapes, from one table per struct:
///
/// ```text
/// with_setters! {
///     Struct + Default {                      // `+ Default`: also impl Default
///         with_member => member: Type;        // `fn with_member(self, impl Into<Type>)`
///         with_other => other: Option<Type>;  // takes `impl Into<Type>`, sets `Some`
///     }
/// }
/// ```
///
/// Each setter's doc links to its member, the one place the member's
/// meaning and limits are written. The table must name every member: the
/// macro builds the struct from the listed members and nothing else, so a
/// member added to the struct but not to its table fails to compile
/// ("missing field `member` in initializer"). The generated `Default` (for
/// structs that cannot derive it) fills an `OffsetDateTime` member with the
/// epoch, as decoding fills a missing one.
macro_rules! with_setters {
    ($( $struct:ident $(+ $default:ident)? { $($members:tt)* } )*) => {
        $(
            $crate::builders::with_setters!(
                @member $struct [$($default)?] [] [] [] $($members)*
            );
        )*
    };

    // Munches one `setter => member: Type;` line at a time, gathering the
    // setters, the member names and their defaults. First `r#type`, whose
    // doc links the field by its anchor: rustdoc cannot link a raw
    // identifier.
    (@member $struct:ident $default:tt [$($fns:tt)*] [$($names:ident)*] [$($defaults:tt)*]
        $setter:ident => r#type : $ty:ty; $($rest:tt)*
    ) => {
        $crate::builders::with_setters!(@member $struct $default
            [$($fns)*
                #[doc = concat!("Sets [`", stringify!($struct), "::type`](", stringify!($struct), "#structfield.type).")]
                #[must_use]
                pub fn $setter(mut self, value: impl Into<$ty>) -> Self {
                    self.r#type = value.into();
                    self
                }
            ]
            [$($names)* r#type]
            [$($defaults)* r#type: Default::default(),]
            $($rest)*
        );
    };
    (@member $struct:ident $default:tt [$($fns:tt)*] [$($names:ident)*] [$($defaults:tt)*]
        $setter:ident => $member:ident : Option<$inner:ty>; $($rest:tt)*
    ) => {
        $crate::builders::with_setters!(@member $struct $default
            [$($fns)*
                #[doc = concat!("Sets [`", stringify!($struct), "::", stringify!($member), "`].")]
                #[must_use]
                pub fn $setter(mut self, value: impl Into<$inner>) -> Self {
                    self.$member = Some(value.into());
                    self
                }
            ]
            [$($names)* $member]
            [$($defaults)* $member: None,]
            $($rest)*
        );
    };
    (@member $struct:ident $default:tt [$($fns:tt)*] [$($names:ident)*] [$($defaults:tt)*]
        $setter:ident => $member:ident : OffsetDateTime; $($rest:tt)*
    ) => {
        $crate::builders::with_setters!(@member $struct $default
            [$($fns)*
                #[doc = concat!("Sets [`", stringify!($struct), "::", stringify!($member), "`].")]
                #[must_use]
                pub fn $setter(mut self, value: impl Into<::time::OffsetDateTime>) -> Self {
                    self.$member = value.into();
                    self
                }
            ]
            [$($names)* $member]
            [$($defaults)* $member: $crate::wire::epoch(),]
            $($rest)*
        );
    };
    (@member $struct:ident $default:tt [$($fns:tt)*] [$($names:ident)*] [$($defaults:tt)*]
        $setter:ident => $member:ident : $ty:ty; $($rest:tt)*
    ) => {
        $crate::builders::with_setters!(@member $struct $default
            [$($fns)*
                #[doc = concat!("Sets [`", stringify!($struct), "::", stringify!($member), "`].")]
                #[must_use]
                pub fn $setter(mut self, value: impl Into<$ty>) -> Self {
                    self.$member = value.into();
                    self
                }
            ]
            [$($names)* $member]
            [$($defaults)* $member: Default::default(),]
            $($rest)*
        );
    };

    // Every line munched: the setters, the exhaustiveness check, the Default.
    (@member $struct:ident [$($default:ident)?] [$($fns:tt)*] [$($names:ident)*] $defaults:tt) => {
        impl $struct {
            $($fns)*
        }

        const _: () = {
            // Compiles only while the table names every member of the
            // struct: otherwise "missing field `member` in initializer".
            #[allow(dead_code, unused_variables)]
            fn every_member_has_a_setter(value: $struct) -> $struct {
                $struct { $($names: value.$names),* }
            }
        };

        $( $crate::builders::with_setters!(@default $default $struct $defaults); )?
    };
    (@default Default $struct:ident [$($defaults:tt)*]) => {
        impl Default for $struct {
            fn default() -> Self {
                Self { $($defaults)* }
            }
        }
    };
}
pub(crate) use with_setters;

#[cfg(test)]
mod tests {
    /// Every table line names its setter `with_` + its member (`r#type`
    /// gives `with_type`), across the sources that use the macro.
    #[test]
    fn every_setter_is_named_after_its_member() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut dirs = vec![src];
        let mut lines = 0;
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                if path.ends_with("builders.rs") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let Some((_, table)) = text.split_once("with_setters! {") else { continue };
                for line in table.lines().filter(|l| l.contains(" => ") && l.ends_with(';')) {
                    let (setter, rest) = line.trim().split_once(" => ").unwrap();
                    let member = rest.split(':').next().unwrap().trim_start_matches("r#");
                    assert_eq!(setter, format!("with_{member}"), "{}: {line}", path.display());
                    lines += 1;
                }
            }
        }
        assert!(lines > 100, "only {lines} table lines found");
    }
}
