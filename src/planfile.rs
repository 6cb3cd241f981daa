//! Reading a plan from its JSON text, with every problem named by file, line, column and field.

use crate::jsonpos::{self, Seg};
use crate::plan::Plan;
use crate::strings::{self, Lang};

/// A plan that parsed and passed validation, with any warnings as sentences.
#[derive(Debug)]
pub struct Loaded {
    pub plan: Plan,
    pub warnings: Vec<String>,
}

/// Parses and validates a plan. `file` is the name used in messages.
/// On failure, every error found, one sentence each.
pub fn parse(file: &str, text: &str, lang: Lang) -> Result<Loaded, Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed: Result<Plan, (String, serde_json::Error)> =
        match serde_path_to_error::deserialize(&mut de) {
            Ok(plan) => de.end().map(|()| plan).map_err(|e| (String::new(), e)),
            Err(e) => {
                let path = e.path().to_string();
                Err((path, e.into_inner()))
            }
        };
    let plan = match parsed {
        Ok(plan) => plan,
        Err((path, inner)) => {
            let place = format!("{file}:{}:{}", inner.line(), inner.column());
            let message = describe_serde(lang, &inner);
            return Err(vec![if path.is_empty() || path == "." {
                format!("{place}: {message}")
            } else {
                format!("{place}: {path}: {message}")
            }]);
        }
    };
    let findings = plan.validate();
    let render = |f: &crate::plan::Finding| {
        let position = jsonpos::locate(text, &f.path).or_else(|| {
            // A missing field: point at its parent object.
            let parent: Vec<Seg> = f.path[..f.path.len().saturating_sub(1)].to_vec();
            jsonpos::locate(text, &parent)
        });
        strings::finding(lang, file, position, f)
    };
    let errors: Vec<String> = findings.iter().filter(|f| !f.warning).map(render).collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Loaded {
        warnings: findings.iter().filter(|f| f.warning).map(render).collect(),
        plan,
    })
}

/// serde_json's message without its own "at line X column Y" (the prefix says where).
fn describe_serde(lang: Lang, e: &serde_json::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    match lang {
        Lang::Zh if e.is_syntax() || e.is_eof() => format!("JSON 格式错误：{text}"),
        Lang::Zh => format!("内容不符合计划格式：{text}"),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_is_an_error_with_its_place() {
        let text = "{\n  \"title\": \"会\",\n  \"units\": [{\"name\": \"甲\", \"minuts\": 5}]\n}";
        let errors = parse("plan.json", text, Lang::En).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("plan.json:3:"), "{}", errors[0]);
        assert!(errors[0].contains("units[0]"), "{}", errors[0]);
        assert!(
            errors[0].contains("unknown field `minuts`"),
            "{}",
            errors[0]
        );
    }
}
