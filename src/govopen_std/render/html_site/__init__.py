"""Parts of the HTML catalog renderer: template lookup, page plan, structure diagram and search index."""
