"""LlamaIndex RAG with a mock LLM, embedding and reranker, traced by openinference-instrumentation-llama-index.

Per request (the root is `RagService.answer`, a LlamaIndex `dispatcher.span`, so a CHAIN span):
  TOOL glossary lookup (FunctionTool.call, a span through LlamaIndex's DispatcherSpanMixin) -> RetrieverQueryEngine.query (CHAIN)
    -> retrieve (RETRIEVER) -> query embedding (EMBEDDING)
    -> rerank (RERANKER, mock cross-encoder)
    -> synthesize (CHAIN) -> LLM predict -> LLM complete (both LLM spans naming the model)
Failures (deterministic by request index): the LLM raises a rate-limit error (request fails), the
glossary tool raises and the error propagates (request fails), or the tool raises and the service
catches it (tool span failed, request OK).
"""

from __future__ import annotations

import os
import sys
import time
import zlib
from typing import Any, List, Optional

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from harness import Harness, main_args  # noqa: E402

from llama_index.core import Document, Settings, VectorStoreIndex  # noqa: E402
from llama_index.core.base.embeddings.base import BaseEmbedding  # noqa: E402
from llama_index.core.instrumentation import get_dispatcher  # noqa: E402
from llama_index.core.instrumentation.events.rerank import ReRankEndEvent, ReRankStartEvent  # noqa: E402
from llama_index.core.llms import CompletionResponse, CompletionResponseGen, CustomLLM, LLMMetadata  # noqa: E402
from llama_index.core.llms.callbacks import llm_completion_callback  # noqa: E402
from llama_index.core.postprocessor.types import BaseNodePostprocessor  # noqa: E402
from llama_index.core.schema import NodeWithScore, QueryBundle  # noqa: E402
from llama_index.core.tools import FunctionTool  # noqa: E402

dispatcher = get_dispatcher(__name__)

LLM_MODEL = "mock-rag-llm"
EMBED_MODEL = "mock-embed-v1"
RERANK_MODEL = "mock-rerank-v1"
N_REQUESTS = 18
LLM_FAILS = {4, 13}  # the LLM raises; the request fails
TOOL_FAILS = {8}  # the tool raises; the request fails
TOOL_FAILS_HANDLED = {16}  # the tool raises; the service catches it and answers anyway


def jitter_ms(i: int, spread: int) -> float:
    return (i * 7919) % spread


class MockEmbedding(BaseEmbedding):
    """Deterministic bag-of-words vectors; a few ms per call."""

    dim: int = 16

    @classmethod
    def class_name(cls) -> str:
        return "MockEmbedding"

    def _vector(self, text: str) -> List[float]:
        v = [0.0] * self.dim
        for word in text.lower().split():
            v[zlib.crc32(word.strip(".,?!").encode()) % self.dim] += 1.0
        norm = sum(x * x for x in v) ** 0.5 or 1.0
        return [x / norm for x in v]

    def _get_query_embedding(self, query: str) -> List[float]:
        time.sleep(0.004)
        return self._vector(query)

    def _get_text_embedding(self, text: str) -> List[float]:
        return self._vector(text)

    async def _aget_query_embedding(self, query: str) -> List[float]:
        return self._get_query_embedding(query)


class MockLLM(CustomLLM):
    """A completion model that echoes the context's first line, reports token usage and can be told to fail."""

    fail_next: bool = False
    delay_s: float = 0.02

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name=LLM_MODEL, is_chat_model=False, context_window=8192, num_output=256)

    def _answer(self, prompt: str) -> CompletionResponse:
        time.sleep(self.delay_s)
        if self.fail_next:
            raise RuntimeError("Rate limit reached for mock-rag-llm: 429 Too Many Requests, retry after 1s")
        text = "Answer: " + prompt.strip().splitlines()[-1][:60]
        prompt_tokens = len(prompt.split())
        completion_tokens = len(text.split())
        usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                 "total_tokens": prompt_tokens + completion_tokens}
        return CompletionResponse(text=text, raw={"model": LLM_MODEL, "usage": usage})

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return self._answer(prompt)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        response = self._answer(prompt)

        def gen() -> CompletionResponseGen:
            text = ""
            for word in response.text.split():
                time.sleep(0.002)
                text += word + " "
                yield CompletionResponse(text=text, delta=word + " ", raw=response.raw)

        return gen()


class MockReranker(BaseNodePostprocessor):
    """A cross-encoder stand-in: scores by word overlap, keeps the top 2, dispatches LlamaIndex's rerank events."""

    top_n: int = 2

    @classmethod
    def class_name(cls) -> str:
        return "MockReranker"

    @dispatcher.span
    def _postprocess_nodes(self, nodes: List[NodeWithScore], query_bundle: Optional[QueryBundle] = None) -> List[NodeWithScore]:
        dispatcher.event(ReRankStartEvent(query=query_bundle, nodes=nodes, top_n=self.top_n, model_name=RERANK_MODEL))
        time.sleep(0.006)
        words = set((query_bundle.query_str if query_bundle else "").lower().split())
        scored = [NodeWithScore(node=n.node, score=float(len(words & set(n.node.get_content().lower().split()))))
                  for n in nodes]
        kept = sorted(scored, key=lambda n: n.score or 0.0, reverse=True)[: self.top_n]
        dispatcher.event(ReRankEndEvent(nodes=kept))
        return kept


class GlossaryError(Exception):
    pass


GLOSSARY = {"rag": "retrieval-augmented generation", "ttft": "time to first token", "p95": "95th percentile"}
_tool_should_fail = {"now": False}


def glossary_lookup(term: str) -> str:
    """Expand an abbreviation used in the question."""
    time.sleep(0.003)
    if _tool_should_fail["now"]:
        raise GlossaryError(f"ToolError: glossary backend unavailable while looking up '{term}'")
    return GLOSSARY.get(term.lower(), term)


class RagService:
    def __init__(self, engine: Any, tool: FunctionTool) -> None:
        self.engine = engine
        self.tool = tool

    @dispatcher.span
    def answer(self, question: str, tolerate_tool_failure: bool = False) -> str:
        term = question.split()[-1].strip("?")
        try:
            expanded = self.tool.call(term=term).content
        except GlossaryError:
            if not tolerate_tool_failure:
                raise
            expanded = term
        return str(self.engine.query(f"{question} ({expanded})"))


DOCS = [
    "Loupe ingests OTLP traces over HTTP and stores one record per span.",
    "Retrieval-augmented generation retrieves documents and passes them to a model.",
    "Time to first token measures how long a streaming model takes to answer.",
    "The p95 latency is the 95th percentile of request durations.",
    "Rerankers reorder retrieved passages with a cross-encoder.",
    "Embeddings map text to vectors so that similar texts are near each other.",
    "A tool call lets an agent run code or query a service.",
    "Token usage is billed per million input and output tokens.",
]

QUESTIONS = [
    "How does Loupe store spans in RAG", "What is a reranker in RAG", "How is latency measured for p95",
    "What does an embedding do for RAG", "How is token usage billed for TTFT", "What does retrieval return for RAG",
]


def main() -> None:
    out, service = main_args()
    llm = MockLLM()
    Settings.llm = llm
    Settings.embed_model = MockEmbedding(model_name=EMBED_MODEL)
    # The index is built before instrumenting: its document embeddings are not part of any request.
    index = VectorStoreIndex.from_documents([Document(text=t) for t in DOCS])
    engine = index.as_query_engine(similarity_top_k=4, node_postprocessors=[MockReranker()], response_mode="compact")
    tool = FunctionTool.from_defaults(fn=glossary_lookup, name="glossary_lookup")
    service_obj = RagService(engine, tool)

    h = Harness(service)
    from openinference.instrumentation.llama_index import LlamaIndexInstrumentor

    LlamaIndexInstrumentor().instrument(tracer_provider=h.provider)
    for i in range(N_REQUESTS):
        llm.fail_next = i in LLM_FAILS
        llm.delay_s = 0.015 + jitter_ms(i, 25) / 1000
        _tool_should_fail["now"] = i in TOOL_FAILS or i in TOOL_FAILS_HANDLED
        question = QUESTIONS[i % len(QUESTIONS)] + "?"
        try:
            service_obj.answer(question, tolerate_tool_failure=i in TOOL_FAILS_HANDLED)
            h.record_run(i, "ok")
        except Exception as e:  # noqa: BLE001
            h.record_run(i, "error", error=f"{type(e).__name__}: {e}")
    llm.fail_next = False
    _tool_should_fail["now"] = False

    if os.environ.get("FW_EXTRA_STREAMING"):
        # Documentation only: one streaming query, not part of the suite's numbers.
        streaming = index.as_query_engine(similarity_top_k=2, streaming=True)
        resp = streaming.query("What is time to first token?")
        "".join(resp.response_gen)
    h.finish(out, notes={"llm_fails": sorted(LLM_FAILS), "tool_fails": sorted(TOOL_FAILS),
                         "tool_fails_handled": sorted(TOOL_FAILS_HANDLED)})


if __name__ == "__main__":
    main()
