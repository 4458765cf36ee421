/*
 * pickup: when to switch to a newly installed content pack (see pickup.h).
 */
#include "core/app/pickup.h"

#include <string.h>

#include "base/util.h"

void pickup_init(struct pickup *pk, const char *shown, uint64_t now)
{
	memset(pk, 0, sizeof(*pk));
	pk->on = 1;
	if (shown)
		str_copy(pk->shown, sizeof(pk->shown), shown);
	pk->next_look = now + PICKUP_LOOK_MS;
}

int pickup_due(struct pickup *pk, uint64_t now)
{
	if (!pk->on || now < pk->next_look)
		return 0;
	pk->next_look = now + PICKUP_LOOK_MS;
	return 1;
}

enum pickup_action pickup_decide(struct pickup *pk, const char *installed,
				 int resting)
{
	if (!pk->on || !installed || !installed[0] ||
	    strcmp(installed, pk->shown) == 0)
		return PICKUP_KEEP;
	if (!resting)
		return PICKUP_WAIT;
	str_copy(pk->shown, sizeof(pk->shown), installed);
	return PICKUP_SWITCH;
}

int64_t pickup_wakeup_in(const struct pickup *pk, uint64_t now)
{
	if (!pk->on)
		return -1;
	return now >= pk->next_look ? 0 : (int64_t)(pk->next_look - now);
}
