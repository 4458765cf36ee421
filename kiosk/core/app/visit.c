/*
 * visit: the visitor's state and its one wipe; see visit.h.
 */
#include "core/app/visit.h"

#include <assert.h>
#include <string.h>

void visit_wipe(struct visit *v, uint64_t now)
{
	/* explicit_bzero: the compiler may not drop it as a dead store */
	explicit_bzero(v, sizeof(*v));
	v->depth = 1;
	v->stack[0].route = ROUTE_ATTRACT;
	v->last_input = now;
}

struct place *visit_at(struct visit *v)
{
	assert(v->depth >= 1 && v->depth <= VISIT_DEPTH_MAX);
	return &v->stack[v->depth - 1];
}

const struct place *visit_at_const(const struct visit *v)
{
	assert(v->depth >= 1 && v->depth <= VISIT_DEPTH_MAX);
	return &v->stack[v->depth - 1];
}

void visit_push(struct visit *v, struct place p)
{
	assert(v->depth < VISIT_DEPTH_MAX);
	if (v->depth < VISIT_DEPTH_MAX)
		v->depth++;
	v->stack[v->depth - 1] = p;
}

void visit_pop(struct visit *v)
{
	if (v->depth > 1) {
		memset(&v->stack[v->depth - 1], 0, sizeof(v->stack[0]));
		v->depth--;
	}
}

void visit_reset(struct visit *v, struct place p)
{
	memset(v->stack, 0, sizeof(v->stack));
	v->stack[0] = p;
	v->depth = 1;
}

void visit_rewind_parts(struct visit *v)
{
	int i;

	/* a flyer's page does not depend on either: it stays */
	for (i = 0; i < v->depth; i++)
		if (v->stack[i].route != ROUTE_FLYER)
			v->stack[i].part = 0;
}
