"""教程中交互式示例（``>>>`` 会话）使用的工作函数。

在 spawn 和 forkserver 启动方式下，交给子进程执行的函数必须能被 :mod:`pickle`
按“模块名 + 函数名”找到，所以它们必须定义在一个可导入的模块里，而不能在
``>>>`` 提示符下临时定义。本模块就是这样一个模块：页面上的交互式示例都从
``mpdocs.workers`` 导入要交给子进程的函数。
"""

import queue
from typing import Any

# The queues are typed Any: a Manager().Queue() proxy and a multiprocessing.Queue share no declared type.
_queue: Any = None  # remember_queue() 放在这里的队列（每个子进程各有一份）


def square(x: int) -> int:
    """返回 ``x`` 的平方。

    最简单的任务函数，例如 ``pool.map(square, range(5))`` 得到 ``[0, 1, 4, 9, 16]``。
    """
    return x * x


def reciprocal(x: float) -> float:
    """返回 ``1 / x``。

    ``x`` 为 0 时抛出 :exc:`ZeroDivisionError`，用来演示子进程里的异常
    怎样（以及何时）回到主进程。
    """
    return 1 / x


def writer(q: Any, text: str) -> int:
    """把字符串 ``text`` 的每个字符依次放入队列 ``q``，返回放入的消息条数。

    ``q`` 应该是 ``Manager().Queue()`` 返回的代理对象，这样它才能作为参数
    交给进程池中的进程。
    """
    for char in text:
        q.put(char)
    return len(text)


def reader(q: Any) -> list[Any]:
    """把队列 ``q`` 中现有的消息全部取出，按取出的顺序以列表返回。

    用 :meth:`~queue.Queue.get_nowait` 一直取到 :exc:`queue.Empty` 为止，
    而不是先问 ``qsize()``：取的过程本身就说明了队列是否已空。
    """
    messages: list[Any] = []
    while True:
        try:
            messages.append(q.get_nowait())
        except queue.Empty:
            return messages


def remember_queue(q: Any) -> None:
    """进程池的初始化函数（``initializer``）：把队列 ``q`` 记在本进程的全局变量里。

    ``Pool(2, initializer=remember_queue, initargs=(q,))`` 在创建每个工作进程时
    把 ``q`` 交给它——这正是“通过继承共享”，所以普通的
    :class:`multiprocessing.Queue` 也可以这样交给进程池。
    """
    global _queue
    _queue = q


def put_square(x: int) -> None:
    """把 ``x`` 的平方放进 :func:`remember_queue` 记下的队列，不返回值。"""
    _queue.put(x * x)
