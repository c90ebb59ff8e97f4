#pragma once
/// Front door of the model: codes -> sections -> articles -> versions -> links, owned by one
/// Corpus, referring to each other by id. No third-party header is visible from here.

#include "model/article_number.h"
#include "model/corpus.h"
#include "model/corpus_builder.h"
#include "model/date.h"
#include "model/ids.h"
#include "model/link.h"
#include "model/slug.h"
#include "model/status.h"
#include "model/text_diff.h"
