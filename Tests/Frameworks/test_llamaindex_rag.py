"""LlamaIndex RAG (llama-index-core, mock LLM/embedding/reranker) traced by openinference-instrumentation-llama-index."""

from __future__ import annotations

from checks import FrameworkChecks
from truth import Truth, operation_of


class TestLlamaIndexRAG(FrameworkChecks):
    script = "llamaindex_rag.py"
    base_service = "llamaindex-rag"

    def test_pipeline_shape(self, truth: Truth) -> None:
        kinds = {s["attributes"].get("openinference.span.kind") for s in truth.spans}
        assert {"CHAIN", "RETRIEVER", "EMBEDDING", "RERANKER", "LLM", "TOOL"} <= kinds
        assert len(truth.requests) == 18 and len(truth.failed_requests) == 3

    def test_wrapped_model_spans_are_one_call(self, truth: Truth) -> None:
        # predict -> complete and get_query_embedding -> _get_query_embedding both name the model:
        # each pair is one call. The truth folds them; Loupe's call counts (checked above) must too.
        llm_spans = [s for s in truth.spans if operation_of(s) == "llm"]
        llm_calls = [c for c in truth.calls if c.operation == "llm"]
        assert len(llm_spans) == 2 * len(llm_calls)
        assert all(c.span["name"].endswith(".predict") for c in llm_calls)
        assert all(len(c.folded) == 1 and c.folded[0]["name"].endswith(".complete") for c in llm_calls)
