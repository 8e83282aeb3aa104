"""Brand kits, tab "Learned": what the edits of the drafts teach, accepted or dismissed by a
person rule by rule, and the example posts learned from use."""

from __future__ import annotations

import streamlit as st

from assistant.brand.kit import BrandKit
from assistant.config import Settings
from assistant.learn import (
    accept_rule,
    dismiss_rule,
    learned_examples,
    pending_rules,
    propose_rules,
)
from assistant.learning.proposals import ProposedRule
from assistant.ui.common import attempt

FLASH = "learned_flash"


def learned_tab(kit: BrandKit, s: Settings) -> None:
    st.markdown("**What we changed**")
    st.caption("Corrections made again and again to the model's drafts (at least 3 posts and "
               "70 % of the posts where they apply) become proposed rules. Nothing changes "
               "the kit until you accept one; an accepted rule is written into kit.yaml.")
    if flash := st.session_state.pop(FLASH, None):
        st.success(flash[0])
        if flash[1]:
            st.code(flash[1], language="diff")
    if st.button("Find rules in the edits", key=f"learn_propose_{kit.id}"):
        _propose(kit, s)
    rules = attempt(pending_rules, kit.id, s) or []
    if not rules:
        st.info("No proposed rules. Edit drafts in Compose, Week or the Queue, then look again.")
    for rule in rules:
        _rule_card(rule, s)
    _examples(kit, s)


def _propose(kit: BrandKit, s: Settings) -> None:
    from assistant.queue import open_queue

    queue = attempt(open_queue, s)
    if queue is not None:
        found = attempt(propose_rules, kit.id, queue, s)
        if found is not None:
            st.toast(f"{len(found)} rule(s) proposed from the edits.")


def _rule_card(rule: ProposedRule, s: Settings) -> None:
    with st.container(border=True):
        st.markdown(f"**{rule.rule_text}**  \n"
                    f"changed in {rule.seen} of {rule.could} posts · `{rule.id}`")
        for before, after in rule.examples:
            st.caption(f"model: {before}  \nfinal: {after}")
        cols = st.columns(2)
        cols[0].button("Accept", key=f"accept_{rule.id}", type="primary", on_click=_accept,
                       args=(rule.id, s))
        cols[1].button("Dismiss", key=f"dismiss_{rule.id}", on_click=_dismiss,
                       args=(rule.id, s))


def _accept(rule_id: str, s: Settings) -> None:
    done = attempt(accept_rule, rule_id, s)
    if done is not None:
        st.session_state[FLASH] = (f"Accepted: {done.rule.rule_text}. kit.yaml changed:",
                                   done.diff)


def _dismiss(rule_id: str, s: Settings) -> None:
    rule = attempt(dismiss_rule, rule_id, s)
    if rule is not None:
        st.session_state[FLASH] = (f"Dismissed: {rule.rule_text}. It is not proposed again.",
                                   "")


def _examples(kit: BrandKit, s: Settings) -> None:
    posts = attempt(learned_examples, kit, s) or []
    st.markdown("**Example posts learned from use**")
    st.caption(f"{len(posts)} of at most {kit.learning.max_examples}, kept apart from your "
               f"{len(kit.examples)} hand-written ones; learned from posts "
               f"{kit.learning.learn_from} (the newest and most typical are kept).")
    for post in posts[:10]:
        typical = f" · typical {post.typical:.0f}/100" if post.typical is not None else ""
        st.caption(f"{post.learned_at:%d.%m.%Y} · {post.platform}{typical}")
        st.text(post.text[:400])
