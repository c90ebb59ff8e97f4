#pragma once
/// Front door of the output stage: pages go to a staging folder beside the destination, and the
/// destination is replaced only once the new site is complete, so a failed or interrupted build
/// never leaves a half-written site where the last good one was.

#include "output/staged_site.h"
