"""The fetcher on its own: which addresses it refuses, and how it treats a site
on 127.0.0.1 (redirects, retries, its name)."""

from __future__ import annotations

import pytest

from archive.fetching import states
from archive.fetching.addresses import Refused, check_address, check_url
from archive.fetching.fetcher import USER_AGENT, Fetcher, Rules
from archive.fetching.run import by_host, fetch_all
from tests.archive.cited_site import CitedSite

LOCAL = Rules(allow_private=True, delay=0, timeout=5)


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "the loopback"),
        ("::1", "the loopback"),
        ("::ffff:127.0.0.1", "the loopback"),
        ("10.1.2.3", "a private"),
        ("192.168.0.10", "a private"),
        ("100.64.0.1", "a private"),  # shared address space, not on the internet
        ("169.254.169.254", "a link-local"),  # cloud metadata services
        ("fe80::1", "a link-local"),
        ("0.0.0.0", "a reserved"),
    ],
)
def test_addresses_off_the_public_internet_are_refused(address: str, kind: str) -> None:
    with pytest.raises(Refused) as refused:
        check_address(address, "example.org")
    assert str(refused.value) == (
        f"example.org resolves to {kind} address {address.removeprefix('::ffff:')}; "
        "such addresses are fetched only with --allow-private"
    )


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700::6810:84e5"])
def test_public_addresses_are_allowed(address: str) -> None:
    check_address(address, "example.org")


def test_a_name_is_checked_by_the_addresses_it_resolves_to() -> None:
    with pytest.raises(Refused, match="localhost resolves to the loopback address"):
        check_url("http://localhost:8080/admin", allow_private=False)
    check_url("http://localhost:8080/admin", allow_private=True)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/file", "only http and https addresses are fetched"),
        ("file:///etc/passwd", "only http and https addresses are fetched"),
        ("http:///path", "names no host"),
    ],
)
def test_only_web_addresses_are_fetched(url: str, reason: str) -> None:
    with pytest.raises(Refused, match=reason):
        check_url(url, allow_private=True)


@pytest.mark.parametrize("url", ["http://[::1/page", "http://exa mple.org/"])
def test_a_malformed_address_is_refused_with_its_reason(url: str) -> None:
    fetcher = Fetcher(LOCAL)
    fetched = fetcher.fetch(url)
    fetcher.close()
    assert (fetched.state, fetched.detail) == (
        states.REFUSED,
        f"{url!r} is not a web address",
    )


def test_a_redirect_loop_ends_as_a_failure() -> None:
    with CitedSite() as site:
        fetcher = Fetcher(LOCAL)
        fetched = fetcher.fetch(f"{site.origin}/loop/a")
        fetcher.close()
    assert (fetched.state, fetched.detail) == (states.FAILED, "more than 5 redirects")
    assert site.requests["/loop/a"] + site.requests["/loop/b"] == 6


def test_every_redirect_is_checked_like_the_first_address() -> None:
    with CitedSite() as site:
        fetcher = Fetcher(LOCAL)
        fetched = fetcher.fetch(f"{site.origin}/to-file")
        fetcher.close()
    assert (fetched.state, fetched.detail) == (
        states.REFUSED,
        "only http and https addresses are fetched, not 'file:///etc/passwd'",
    )
    assert [hop.status for hop in fetched.hops] == [301]


def test_a_server_error_is_retried() -> None:
    with CitedSite() as site:
        fetcher = Fetcher(LOCAL)
        fetched = fetcher.fetch(f"{site.origin}/flaky")
        fetcher.close()
    assert (fetched.state, fetched.http_status) == (states.ARCHIVED, 200)
    assert b"Served at last." in fetched.body
    assert site.requests["/flaky"] == 2


def test_the_fetcher_says_who_it_is_and_reads_robots_txt_first() -> None:
    with CitedSite() as site:
        fetcher = Fetcher(LOCAL)
        fetcher.fetch(f"{site.origin}/news/cargo-ship.html")
        refused = fetcher.fetch(f"{site.origin}/private/memo.html")
        fetcher.close()
    assert site.user_agents == {USER_AGENT}
    assert list(site.requests) == ["/robots.txt", "/news/cargo-ship.html"]
    assert (refused.state, refused.detail) == (
        states.ROBOTS,
        f"{site.origin}/robots.txt",
    )


def test_urls_are_grouped_by_host_in_the_order_given() -> None:
    urls = [
        "https://a.example/1",
        "https://b.example/1",
        "https://A.example/2",
        "https://a.example:8443/1",
    ]
    assert by_host(urls) == [
        ["https://a.example/1", "https://A.example/2"],
        ["https://b.example/1"],
        ["https://a.example:8443/1"],
    ]


def test_several_hosts_are_fetched_at_once_and_each_url_comes_back() -> None:
    with CitedSite() as site:
        other = site.origin.replace("127.0.0.1", "localhost")
        urls = [
            f"{site.origin}/news/cargo-ship.html",
            f"{other}/notices/fuel",
            f"{site.origin}/statements/closures",
            f"{other}/data/vessels.csv",
        ]
        found = {f.url: f.state for f in fetch_all(urls, LOCAL, hosts=2)}
    assert found == {
        urls[0]: states.ARCHIVED,
        urls[1]: states.GONE,
        urls[2]: states.GONE,
        urls[3]: states.ARCHIVED,
    }
    assert site.requests["/robots.txt"] == 2  # once for each host
