# feature: typing's hints (List, Dict, Optional, Union, Callable, Awaitable, TypeVar, Generic[T] as a base, cast) run and print as CPython's
import asyncio
from typing import Any, Dict, Generic, List, Optional, TypeVar, Union, Callable, Awaitable, Tuple, cast

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


async def fetch(n: int, results: Dict[str, List[int]]) -> Optional[int]:
    await asyncio.sleep(0.1 * n)
    results.setdefault("done", []).append(n)
    return n if n % 2 else None


async def main() -> None:
    results: Dict[str, List[int]] = {}
    got: List[Optional[int]] = await asyncio.gather(*(fetch(n, results) for n in range(4)))
    print(got, results)
    print(Box(3).get(), cast(int, "x"), T)
    print(List[int], Optional[str], Dict[str, Any], Union[int, str], Tuple[int, ...], Callable[[int], Awaitable[None]])
    handler: Callable[[int], Awaitable[Optional[int]]] = fetch
    print(await handler(1, results))


asyncio.run(main())
print(Union[int, None], Optional[List[int]], Dict[str, None], Tuple[()])
print(Optional[int] == Union[int, None], List[int] == List[int])
