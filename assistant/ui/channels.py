"""The Channels page: each connected account's health (ok, expires in N days, needs
reconnect) with a one-click test, the connect form per network, and the in-app worker."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from assistant.config import Settings
from assistant.publish.channels import CONNECT_FIELDS, ChannelService, open_channels
from assistant.publish.models import ConnectedChannel
from assistant.ui.common import attempt, page_header, pick_kit, settings

NETWORK_NAMES = {"bluesky": "Bluesky", "linkedin": "LinkedIn", "mastodon": "Mastodon",
                 "webhook": "Webhook (Zapier, Make, n8n, your own)"}


def _health(channel: ConnectedChannel) -> None:
    line = channel.health_line(datetime.now(UTC))
    if line == "ok":
        st.success(line, icon=":material/check_circle:")
    elif line.startswith("ok"):
        st.warning(line, icon=":material/schedule:")
    else:
        st.error(line, icon=":material/link_off:")


def _card(service: ChannelService, channel: ConnectedChannel) -> None:
    with st.container(border=True):
        cols = st.columns([3, 3, 1, 1])
        cols[0].markdown(f"**{NETWORK_NAMES.get(channel.network, channel.network)}** · "
                         f"{channel.account or 'account not named'}")
        checked = f"{channel.checked_at:%d.%m. %H:%M} UTC" if channel.checked_at else "never"
        cols[0].caption(f"#{channel.id} · {channel.kit_id} · last check {checked}")
        with cols[1]:
            _health(channel)
        if cols[2].button("Test", key=f"channel_test_{channel.id}"):
            attempt(service.test, channel.id)
            st.rerun()
        if cols[3].button("Remove", key=f"channel_remove_{channel.id}"):
            attempt(service.remove, channel.id)
            st.rerun()


def _connect_form(service: ChannelService, kit_id: str, cfg: Settings) -> None:
    st.subheader("Connect a channel")
    if cfg.secret_key is None:
        st.warning("Set POSTWERK_SECRET_KEY (e.g. `openssl rand -hex 32`) in the environment, "
                   ".env or .streamlit/secrets.toml: tokens are stored encrypted with it.",
                   icon=":material/key:")
    network = st.selectbox("Network", list(CONNECT_FIELDS), key="channel_network",
                           format_func=lambda n: NETWORK_NAMES.get(n, n))
    # a fresh form after each connection: the token typed in is gone from the page
    round_ = st.session_state.setdefault("connect_round", 0)
    with st.form(f"connect_{network}_{round_}"):
        values = {f.key: st.text_input(f.label + ("" if f.required else " (optional)"),
                                       value=f.default, key=f"connect_{network}_{f.key}_{round_}",
                                       type="password" if f.secret else "default")
                  for f in CONNECT_FIELDS[network]}
        submitted = st.form_submit_button("Check and connect", type="primary")
    if submitted:
        channel = attempt(service.connect, kit_id, network, values)
        if channel is not None:
            st.session_state["connect_round"] = round_ + 1
            st.session_state["connect_done"] = (f"Connected {channel.account or network} "
                                                f"for {kit_id}.")
            st.rerun()
    _sign_in(service, kit_id, network, cfg)


def _sign_in(service: ChannelService, kit_id: str, network: str, cfg: Settings) -> None:
    """The OAuth ways in, beside pasting a token."""
    from assistant.publish import oauth

    if network == "linkedin" and cfg.linkedin_client_id:
        url = attempt(oauth.linkedin_start, cfg, kit_id)
        if url:
            st.link_button("Sign in with LinkedIn", url, icon=":material/login:")
        st.caption(f"LinkedIn sends you back to {oauth.linkedin_redirect(cfg)} (add it to "
                   "your LinkedIn app's redirect URLs).")
    if network != "mastodon":
        return
    with st.expander("Or sign in on your server (OAuth)"):
        server = st.text_input("Your server", key="oauth_mastodon_server",
                               placeholder="https://mastodon.social")
        if st.button("Start sign-in", disabled=not server.strip()):
            st.session_state["oauth_mastodon"] = attempt(oauth.mastodon_start, server)
        started = st.session_state.get("oauth_mastodon")
        if started is None:
            return
        st.link_button(f"Open {started.base_url} and approve Postwerk", started.url)
        code = st.text_input("The code your server shows", key="oauth_mastodon_code")
        if st.button("Connect with this code", disabled=not code.strip()):
            channel = attempt(oauth.mastodon_finish, service, kit_id, started, code)
            if channel is not None:
                st.session_state.pop("oauth_mastodon", None)
                st.session_state["connect_done"] = f"Connected {channel.account} for {kit_id}."
                st.rerun()


def _returned_from_linkedin(service: ChannelService, cfg: Settings) -> None:
    """LinkedIn sent the user back here with a code (or the reason it did not)."""
    from assistant.publish import oauth

    params = st.query_params
    if "error" in params and "state" in params:
        reason = params.get("error_description") or params["error"]
        st.error(f"LinkedIn sign-in did not finish: {reason}; try again.")
        params.clear()
    elif "code" in params and "state" in params:
        code, state = params["code"], params["state"]
        params.clear()  # a reload must not send the used code again
        channel = attempt(oauth.linkedin_finish, service, cfg, code, state)
        if channel is not None:
            st.success(f"Connected LinkedIn ({channel.account}) for {channel.kit_id}.")


def _worker_status(cfg: Settings) -> None:
    from assistant.publish.running import ensure_background

    running = attempt(ensure_background, cfg)
    if running is None:
        st.caption("Publishing in the app is off (POSTWERK_PUBLISH_IN_APP, or no channel "
                   "yet); a team runs `postwerk worker` instead.")
        return
    last = f"{running.last_pass:%H:%M:%S} UTC" if running.last_pass else "starting"
    st.caption(f"Publishing in the app: a pass every {cfg.publish_interval:g} s "
               f"(last: {last}). Due approved posts of connected channels go out on time.")


def render() -> None:
    page_header("Channels", "Connect the accounts Postwerk publishes to, see whether each "
                "connection works, and test it with one click.")
    cfg = settings()
    kit = pick_kit()
    service = attempt(open_channels, cfg)
    if service is None:
        return
    _returned_from_linkedin(service, cfg)
    if kit is None:
        return
    channels = attempt(service.list, kit.id) or []
    if not channels:
        st.info(f"No channel connected for {kit.name} yet: posts are copied or exported by "
                "hand until you connect one below.")
    done = st.session_state.pop("connect_done", None)
    if done:
        st.success(done, icon=":material/link:")
    for channel in channels:
        _card(service, channel)
    _worker_status(cfg)
    _connect_form(service, kit.id, cfg)
