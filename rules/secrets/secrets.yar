/*
 * Secret rules: namespace secrets.
 * Generated layout, hand-tuned regexes: see docs/rules.md. Every string
 * must compile without YARA's "slow down scanning" warning
 * (tests/e2e/test_rules_pack.py).
 */

rule secret_private_key
{
    meta:
        category = "secret"
        entity = "private_key"
        severity = "critical"
        validator = "private_key"
        redact = "keytype"
        description = "PEM, OpenSSH or PGP private key block"
    strings:
        $key = /-----BEGIN (RSA |DSA |EC |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----[\r\n]+[A-Za-z0-9+\/=\r\n:,. -]{32,400}/
    condition:
        $key
}

rule secret_aws_access_key_id
{
    meta:
        category = "secret"
        entity = "aws_key"
        severity = "high"
        validator = "aws_key_id"
        redact = "prefix4"
        description = "AWS access key ID (AKIA/ASIA... + 16 base32 characters)"
    strings:
        $id = /(^|[^A-Z0-9])(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z2-7]{16}([^A-Za-z0-9]|$)/
    condition:
        $id
}

rule secret_aws_secret_key
{
    meta:
        category = "secret"
        entity = "aws_secret"
        severity = "critical"
        validator = "aws_secret"
        redact = "prefix4"
        description = "AWS secret access key (40 characters) after aws_secret_access_key / SecretAccessKey"
    strings:
        $secret = /(^|[^a-z0-9_])(aws_?secret_?(access_?)?key|secret_?access_?key)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?[A-Za-z0-9\/+]{40}([^A-Za-z0-9\/+=]|$)/ nocase
    condition:
        $secret
}

rule secret_gcp_service_account
{
    meta:
        category = "secret"
        entity = "gcp_key"
        severity = "critical"
        validator = "gcp_key_id"
        redact = "prefix4"
        description = "Google Cloud service-account JSON key (private_key_id of a service_account file)"
    strings:
        $id = /"private_key_id"[ \t]*:[ \t]*"[0-9a-f]{40}"/
        $ctx_type = /"type"[ \t]*:[ \t]*"service_account"/
    condition:
        $id and $ctx_type
}

rule secret_github_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "GitHub personal, OAuth, app or refresh token"
    strings:
        $classic = /(^|[^A-Za-z0-9_])(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}([^A-Za-z0-9_]|$)/
        $fine = /github_pat_[A-Za-z0-9_]{82}/
    condition:
        any of them
}

rule secret_gitlab_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "GitLab personal access token"
    strings:
        $pat = /glpat-[A-Za-z0-9_-]{20}([^A-Za-z0-9_-]|$)/
    condition:
        $pat
}

rule secret_slack_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Slack bot/user/app token"
    strings:
        $tok = /xox[abeprs]-[0-9A-Za-z-]{10,120}/
    condition:
        $tok
}

rule secret_stripe_key
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Stripe secret or restricted API key"
    strings:
        $key = /(sk|rk)_(live|test)_[0-9A-Za-z]{24,99}/
    condition:
        $key
}

rule secret_google_api_key
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Google API key (AIza + 35 characters)"
    strings:
        $key = /(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}([^A-Za-z0-9_-]|$)/
    condition:
        $key
}

rule secret_npm_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "npm access token"
    strings:
        $tok = /(^|[^A-Za-z0-9_])npm_[A-Za-z0-9]{36}([^A-Za-z0-9_]|$)/
    condition:
        $tok
}

rule secret_pypi_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "PyPI API token"
    strings:
        $tok = /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,200}/
    condition:
        $tok
}

rule secret_sendgrid_key
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "SendGrid API key (SG.<22>.<43>)"
    strings:
        $key = /(^|[^A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}([^A-Za-z0-9_-]|$)/
    condition:
        $key
}

rule secret_slack_webhook
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Slack incoming-webhook URL (hooks.slack.com/services/T.../B.../...)"
    strings:
        $url = /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{24}/
    condition:
        $url
}

rule secret_openai_key
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "OpenAI API key (sk-... with the T3BlbkFJ marker)"
    strings:
        $key = /(^|[^A-Za-z0-9_-])sk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,80}T3BlbkFJ[A-Za-z0-9_-]{20,80}/
    condition:
        $key
}

rule secret_shopify_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Shopify access token or shared secret (shpat_, shpss_, shpca_, shppa_ + 32 hex)"
    strings:
        $tok = /shp(at|ss|ca|pa)_[a-fA-F0-9]{32}([^A-Za-z0-9_]|$)/
    condition:
        $tok
}

rule secret_huggingface_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "Hugging Face access token (hf_ + 34 letters)"
    strings:
        $tok = /(^|[^A-Za-z0-9_])hf_[A-Za-z0-9]{34}([^A-Za-z0-9_]|$)/
    condition:
        $tok
}

rule secret_digitalocean_token
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token"
        redact = "keytype"
        description = "DigitalOcean personal access / OAuth token (dop_v1_, doo_v1_, dor_v1_ + 64 hex)"
    strings:
        $tok = /do(p|o|r)_v1_[a-f0-9]{64}([^A-Za-z0-9_]|$)/
    condition:
        $tok
}

rule secret_key_assignment
{
    meta:
        category = "secret"
        entity = "token"
        severity = "high"
        validator = "token_assignment"
        redact = "mask"
        description = "API key, client secret, secret key or access token assigned in a config file (api_key=..., \"client_secret\": \"...\", SECRET_KEY = '...', AccountKey=...); 16+ characters with letters and digits, placeholders and variables rejected"
    strings:
        $assign = /(^|[^a-z0-9])(api[_-]?key|api[_-]?secret|secret[_-]?key|client[_-]?secret|access[_-]?token|auth[_-]?token|app[_-]?secret|private[_-]?token|accountkey|sharedaccesskey)[\"']?[ \t]*[:=][ \t]*[\"']?[a-z0-9_+\/.=-]{16,200}/ nocase
    condition:
        $assign
}

rule secret_jwt
{
    meta:
        category = "secret"
        entity = "jwt"
        severity = "medium"
        validator = "jwt"
        redact = "prefix4"
        description = "JSON Web Token (header decodes to JSON naming alg)"
    strings:
        $jwt = /eyJ[A-Za-z0-9_-]{10,500}\.eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{16,600}/
    condition:
        $jwt
}

rule secret_password_assignment
{
    meta:
        category = "secret"
        entity = "password"
        severity = "high"
        validator = "password"
        redact = "password"
        description = "Password assigned in a config file (password=..., \"password\": \"...\", <password>...</password>); placeholders and variables rejected"
    strings:
        $assign = /(^|[^a-z0-9_.-])[a-z0-9_.-]{0,24}(password|passwd|passphrase|pwd)\\?[\"']?[ \t]*[:=][ \t]*\\?[\"']?[^\s\"'<>;,\\]{4,128}([ \t][a-z])?/ nocase
        $xml = /<(password|passwd|pwd)>[^<\s]{4,128}<\//
    condition:
        any of them
}

rule secret_password_define
{
    meta:
        category = "secret"
        entity = "password"
        severity = "high"
        validator = "password"
        redact = "password"
        description = "Password constant in PHP (define('DB_PASSWORD', '...'), wp-config.php)"
    strings:
        $define = /define\( ?[\"'][A-Z0-9_]{0,24}(PASSWORD|PASSWD|PASS|PWD)[\"'] ?, ?[\"'][^\"'\r\n]{4,128}[\"']/ nocase
    condition:
        $define
}

rule secret_netrc_password
{
    meta:
        category = "secret"
        entity = "password"
        severity = "high"
        validator = "password"
        redact = "password"
        description = "Password in a .netrc / _netrc entry (machine ... login ... password ...)"
    strings:
        $netrc = /\blogin[ \t]+[^\s]{1,64}[ \t\r\n]+password[ \t]+[^\s]{4,128}/
    condition:
        $netrc
}

rule secret_url_credentials
{
    meta:
        category = "secret"
        entity = "password"
        severity = "high"
        validator = "url_password"
        redact = "password"
        description = "Password in a URL or connection string (scheme://user:password@host)"
    strings:
        $url = /(^|[^a-z0-9+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:\/@\"']{1,64}:[^\s\/@\"']{3,128}@[a-z0-9.-]{1,253}/ nocase
    condition:
        $url
}

rule secret_password_hash
{
    meta:
        category = "secret"
        entity = "password_hash"
        severity = "high"
        validator = "crypt"
        redact = "hash"
        description = "Password hash line from /etc/shadow or an htpasswd file (crypt MD5/bcrypt/SHA-256/SHA-512/yescrypt, apr1, {SHA})"
    strings:
        $line = /(^|[^a-z0-9_.-])[a-z_][a-z0-9_.-]{0,31}(:\$1\$|:\$2a\$|:\$2b\$|:\$2y\$|:\$5\$|:\$6\$|:\$y\$|:\$7\$|:\$apr1\$|:\{SHA\})[.\/A-Za-z0-9$+=]{8,200}/
    condition:
        $line
}
