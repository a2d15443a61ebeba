from .pages import NewsIndexPage, NewsPage, NewsRelatedPage, NewsSectionPage
from .snippets import Topic

__all__ = ["NewsIndexPage", "NewsPage", "NewsRelatedPage", "NewsSectionPage", "Topic"]
