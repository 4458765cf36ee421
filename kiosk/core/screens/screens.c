/*
 * screens: which family draws which place.
 */
#include "core/screens/families.h"

const struct screen_family *screen_family_of(const struct screen_ctx *c)
{
	switch (c->at->route) {
	case ROUTE_ATTRACT:
		return &screen_attract;
	case ROUTE_HOME:
		return &screen_home;
	case ROUTE_FLYER:
		return &screen_flyer;
	case ROUTE_NEWS:
		return &screen_news_item;
	case ROUTE_INFO:
		return &screen_info;
	case ROUTE_LANG:
		return &screen_languages;
	case ROUTE_SURVEY:
		return &screen_survey_question;
	case ROUTE_SURVEY_DONE:
		return &screen_survey_thanks;
	case ROUTE_ASK:
		return &screen_ask_step;
	case ROUTE_INITIATIVE:
		return &screen_initiative;
	case ROUTE_JOIN:
		return &screen_join;
	case ROUTE_SIGNUP:
		return &screen_signup;
	case ROUTE_SIGNUP_DONE:
		return &screen_signup_done;
	case ROUTE_STAFF:
		return &screen_staff;
	case ROUTE_TILE:
		break;
	}
	switch (screen_tile(c)->kind) {
	case TILE_PAGE:
		return &screen_page;
	case TILE_WERKWIJZE:
		return &screen_cards;
	case TILE_STEPS:
		return &screen_steps;
	case TILE_FLYERS:
		return &screen_flyers;
	case TILE_PARTNERS:
		return &screen_partners;
	case TILE_NEWS:
		return &screen_news;
	case TILE_EVENTS:
		return &screen_events;
	case TILE_SURVEY:
		return &screen_survey_start;
	case TILE_ASK:
		return &screen_ask_topics;
	case TILE_INITIATIVES:
		return &screen_initiatives;
	}
	return &screen_page;
}

void screens_run(const struct screen_ctx *c)
{
	if (!c->content)
		screen_broken_draw(c);
	else if (c->visit->prompt)
		screen_prompt_draw(c);
	else
		screen_family_of(c)->draw(c);
}
