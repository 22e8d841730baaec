# A tiny site on a host: the test puts docs/_ext first on PYTHONPATH. Three pages and a 404 page, built
# again after an edit to one of them, to see what sitemap.xml and 404.html hold then.
extensions = ["hosting"]
project = "Hosting"
html_baseurl = "https://example.org/hb/"
sitemap_url_scheme = "{link}"
ogp_social_cards = {"enable": False}
exclude_patterns = ["_build"]
