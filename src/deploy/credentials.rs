//! The shared AWS credentials file (`~/.aws/credentials`, or
//! `AWS_SHARED_CREDENTIALS_FILE`), profile `AWS_PROFILE` or `default`:
//! `object_store` reads the environment but not this file.

/// Access key id, secret and optional session token, if the file has them.
pub(crate) fn from_file() -> Option<(String, String, Option<String>)> {
    let path = match std::env::var_os("AWS_SHARED_CREDENTIALS_FILE") {
        Some(p) => std::path::PathBuf::from(p),
        None => std::path::PathBuf::from(std::env::var_os("HOME")?).join(".aws/credentials"),
    };
    let text = std::fs::read_to_string(path).ok()?;
    let profile = std::env::var("AWS_PROFILE").unwrap_or_else(|_| "default".into());
    parse(&text, &profile)
}

/// Reads one `[profile]` section of an INI credentials file.
fn parse(text: &str, profile: &str) -> Option<(String, String, Option<String>)> {
    let (mut id, mut secret, mut token) = (None, None, None);
    let mut inside = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            inside = line.trim_matches(|c| c == '[' || c == ']').trim() == profile;
            continue;
        }
        let Some((k, v)) = line.split_once('=') else { continue };
        if !inside || line.starts_with(['#', ';']) {
            continue;
        }
        let v = Some(v.trim().to_string());
        match k.trim() {
            "aws_access_key_id" => id = v,
            "aws_secret_access_key" => secret = v,
            "aws_session_token" => token = v,
            _ => {}
        }
    }
    Some((id?, secret?, token))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_chosen_profile() {
        let text = "[default]\naws_access_key_id = A1\naws_secret_access_key = S1\n\n[other]\n\
                    aws_access_key_id=A2\naws_secret_access_key=S2\naws_session_token=T2\n";
        assert_eq!(super::parse(text, "default"), Some(("A1".into(), "S1".into(), None)));
        assert_eq!(super::parse(text, "other"), Some(("A2".into(), "S2".into(), Some("T2".into()))));
        assert_eq!(super::parse(text, "missing"), None);
    }
}
