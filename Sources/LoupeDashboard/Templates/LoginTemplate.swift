/// The page that asks for a key before the dashboard opens. It stands alone: without a session
/// there is nothing the navigation could show.
enum LoginTemplate {
    static let source = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log in · Loupe</title>
<link rel="icon" href="/ui/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/ui/assets/loupe.css">
</head>
<body>
<main class="login">
<h1>◎ Loupe</h1>
<form method="post" action="/ui/login">
<label for="key">API key</label>
<input id="key" name="key" type="password" autocomplete="off" spellcheck="false" required placeholder="lpk_…" autofocus>
<input type="hidden" name="next" value="{{next}}">
<button type="submit">Log in</button>
{{#error}}<p class="err" role="alert" id="login-error">{{error}}</p>{{/error}}
</form>
<p class="muted">A read or admin key opens the dashboard. <code>loupe serve</code> printed the first admin key when it first started;
<code>loupe keys create --scope read --name NAME</code> makes another.</p>
</main>
</body>
</html>
"""#
}
