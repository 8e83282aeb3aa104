"""Brand kits (files, validation), guideline ingest, the voice store and voice scores.

Import the store and the embedder from their modules (``assistant.brand.store``,
``assistant.brand.embeddings``): they load chromadb and the embedding model, which the
kit functions re-exported here do not need.
"""

from assistant.brand.kit import (
    BannedWord,
    BrandKit,
    Channel,
    EmojiPolicy,
    ExamplePost,
    HashtagSets,
    KitLinks,
    LegalEntity,
    Pillar,
    RegulatedProfession,
    create_kit,
    import_kit,
    kit_dir,
    list_kits,
    load_kit,
    save_kit,
)

__all__ = [
    "BannedWord", "BrandKit", "Channel", "EmojiPolicy", "ExamplePost", "HashtagSets",
    "KitLinks", "LegalEntity", "Pillar", "RegulatedProfession", "create_kit", "import_kit",
    "kit_dir", "list_kits", "load_kit", "save_kit",
]
