"""Place resolution that weighs the whole document: its states, its dateline, the other
places it names, county lists resolved together, and the reason naming the evidence.
Constructed sentences, one mechanism each."""

from __future__ import annotations

from sanctuary_tracker.places.resolve import jurisdictions_named, resolve_places


def named(text: str) -> set[tuple[str, str, str]]:
    return {(j.name, j.state, j.level) for j in jurisdictions_named(resolve_places(text))}


def reasons(text: str, surface: str) -> list[str]:
    return [m.reason for m in resolve_places(text) if m.text == surface]


def test_the_same_county_name_follows_each_documents_state():
    maine = "Maine's governor spoke in Portland. Cumberland County jailers met him there."
    kentucky = "Kentucky's governor spoke in Louisville. Cumberland County jailers met him."
    assert ("Cumberland County", "ME", "county") in named(maine)
    assert ("Cumberland County", "KY", "county") in named(kentucky)
    assert ("Cumberland County", "KY", "county") not in named(maine)


def test_the_reason_names_the_evidence_for_the_documents_state():
    text = "Maine's governor spoke in Portland. Cumberland County jailers met him there."
    (reason,) = reasons(text, "Cumberland County")
    assert "about ME" in reason and "Maine" in reason


def test_bare_counties_listed_together_share_the_one_state_holding_them_all():
    # Dakota County is in Minnesota and Nebraska; Anoka and Hennepin only in Minnesota.
    found = named("Sheriffs of Anoka, Hennepin and Dakota counties met on Tuesday.")
    assert {
        ("Anoka County", "MN", "county"),
        ("Hennepin County", "MN", "county"),
        ("Dakota County", "MN", "county"),
    } <= found
    assert ("Dakota County", "NE", "county") not in found
    (reason,) = reasons("Sheriffs of Anoka, Hennepin and Dakota counties met.", "Dakota")
    assert "all in MN" in reason


def test_a_list_ending_in_a_singular_or_capitalised_kind_word():
    found = named("Officials from Anoka, Hennepin and Ramsey County objected.")
    assert ("Ramsey County", "MN", "county") in found and ("Anoka County", "MN", "county") in found
    found = named("Voters in Maine's Cumberland and Hancock Counties were asked.")
    assert {("Cumberland County", "ME", "county"), ("Hancock County", "ME", "county")} <= found


def test_a_city_before_a_list_of_counties_stays_a_city():
    found = named(
        "Maine officials say the city of Portland and Cumberland and Hancock Counties agree."
    )
    assert ("Portland", "ME", "local") in found
    assert ("Cumberland County", "ME", "county") in found


def test_a_list_of_a_states_cities_is_not_a_list_of_its_counties():
    found = named("In Connecticut, Hartford, New Haven and Windham declared themselves welcoming.")
    assert ("Hartford", "CT", "local") in found and ("New Haven", "CT", "local") in found
    assert ("New Haven County", "CT", "county") not in found


def test_a_dateline_with_a_call_sign():
    assert ("Austin", "TX", "local") in named("AUSTIN (WXYZ) — The council voted late on Monday.")


def test_a_county_name_gets_no_big_city_prior():
    # Louisville answers to "Jefferson County" too; its population must not decide.
    found = named("The Washington state counties of Clallam County and Jefferson County said no.")
    assert ("Jefferson County", "WA", "county") in found
    assert not any(state == "KY" for _, state, _ in found)


def test_a_states_name_before_a_capitalised_word_is_still_the_state_elsewhere():
    text = "Crowds filled the Iowa Capitol grounds. Four Iowa sheriffs disputed the report."
    assert ("Iowa", "IA", "state") in named(text)
    text = "The case came from the D. Oregon court. It broke Oregon law, the judge wrote."
    assert ("Oregon", "OR", "state") in named(text)


def test_a_state_after_a_name_without_a_comma():
    found = named("A ruling out of Clackamas County Oregon changed the practice.")
    assert ("Clackamas County", "OR", "county") in found
    assert ("Oregon", "OR", "state") not in found  # it qualifies the county, as after a comma


def test_an_address_block_after_capitalised_words():
    letterhead = "JANE ROE Lt. Governor TRENTON, NJ 08625 Attorney General"
    assert ("Trenton", "NJ", "local") in named(letterhead)
    text = (
        "Sheriff Pat Doe Monmouth County Sheriff's Office 12 Main Road Freehold, New Jersey 07728"
    )
    found = named(text)
    assert ("Monmouth County", "NJ", "county") in found
    assert any(name == "Freehold" and state == "NJ" for name, state, _ in found)


def test_a_title_before_a_name_with_a_state_stays_a_person():
    assert not any(n == "Jackson" for n, _, _ in named("Mayor Jackson, Miss., said no."))


def test_a_hyphened_county_is_not_its_first_words_city():
    text = "The Miami-Dade mayor ordered the jails to comply. Miami-Dade County agreed."
    found = named(text)
    assert ("Miami-Dade County", "FL", "county") in found
    assert ("Miami", "FL", "local") not in found
    found = named("Miami-Dade County agreed. Miami itself never declared a policy.")
    assert ("Miami", "FL", "local") in found


def test_a_states_name_listed_with_cities_is_the_city():
    found = named("Unlike New York, Los Angeles, Seattle and San Francisco, it never declared.")
    assert ("New York", "NY", "local") in found
    assert ("New York", "NY", "state") not in found
    found = named("New York, New Jersey and Connecticut sued.")
    assert ("New York", "NY", "state") in found


def test_resolution_does_not_depend_on_the_order_names_are_listed():
    one = named("Sheriffs of Anoka, Hennepin and Dakota counties met.")
    other = named("Sheriffs of Dakota, Hennepin and Anoka counties met.")
    assert one == other


def test_washington_alone_is_not_placed_by_the_documents_state():
    text = "Ohio farmers met in Columbus. Washington decided the tariffs were legal, Ohio heard."
    assert not any(n == "Washington" for n, _, _ in named(text))


def test_a_foreign_state_of_is_no_us_place():
    text = "Ohio's senator met leaders of the State of Israel in Columbus."
    assert not any(n == "Israel" for n, _, _ in named(text))


def test_a_state_after_a_name_that_has_no_place_there_is_another_name():
    text = "In Illinois, Eastern Michigan rolled past its rival on Saturday."
    assert not any(n == "Eastern" for n, _, _ in named(text))


def test_a_country_is_not_placed_by_the_documents_state():
    text = "Michigan farmers worry. A trade deal with China was meant to help Michigan growers."
    assert not any(n == "China" for n, _, _ in named(text))
    text = "Indiana growers met in Muncie. Soy from Brazil undercut the Indiana crop."
    assert not any(n == "Brazil" for n, _, _ in named(text))
    assert ("Brazil", "IN", "local") in named("The city of Brazil, Ind., voted.")


def test_a_direction_word_is_not_placed_by_the_documents_state():
    text = "New York police met. The Western District of New York charged him on Monday."
    assert not any(n == "Western" for n, _, _ in named(text))
