/// The frame of every page: top bar with the pages and the range picker, the filter bar, and the
/// page's own content (already rendered, so inserted raw).
enum LayoutTemplate {
    static let source = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}} · Loupe</title>
<link rel="icon" href="/ui/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/ui/assets/loupe.css">
<script src="/ui/assets/loupe.js" defer></script>
</head>
<body data-from="{{fromSeconds}}" data-to="{{toSeconds}}" data-live="{{liveSeconds}}">
<header class="top">
<a class="brand" href="/ui/">◎ Loupe</a>
<nav class="pages">{{#nav}}<a href="{{href}}"{{#active}} class="active" aria-current="page"{{/active}}>{{label}}</a> {{/nav}}</nav>
<div class="ranges" role="group" aria-label="Time range">{{#presets}}<a href="{{href}}"{{#active}} class="active"{{/active}}>{{label}}</a>{{/presets}}</div>
</header>
<div class="bar">
<span>{{rangeText}}</span>
{{#chips}}<span class="chip">{{name}} = {{value}}{{#removeHref}}<a href="{{removeHref}}" title="Remove this filter" aria-label="Remove filter {{name}}">×</a>{{/removeHref}}</span>{{/chips}}
<form method="get" action="{{path}}">
{{#hidden}}<input type="hidden" name="{{name}}" value="{{value}}">{{/hidden}}
{{#fields}}<input name="{{name}}" value="{{value}}" placeholder="{{name}}" aria-label="Filter by {{name}}">{{/fields}}
<button type="submit">Filter</button>
</form>
{{#notice}}<span class="notice" id="notice">{{notice}}</span>{{/notice}}
{{#live}}<span class="live" id="live">live · refreshes every {{liveSeconds}} s</span>{{/live}}
</div>
<main>
{{{content}}}
</main>
<footer>Loupe · observability for GenAI pipelines · <a href="/api/v1/summary">JSON API</a> ·
<form method="post" action="/ui/logout" class="logout"><button type="submit">Log out</button></form></footer>
</body>
</html>
"""#
}
