import asyncio
import time

TASKS = 6
WAIT = 0.1  # 每个任务“等网络”的秒数


async def fetch():
    await asyncio.sleep(WAIT)  # 假装在等网络回应：等待时切换到别的协程


async def one_after_another():
    for _ in range(TASKS):
        await fetch()


async def all_at_once():
    await asyncio.gather(*(fetch() for _ in range(TASKS)))


def seconds(coroutine_function):
    start = time.perf_counter()
    asyncio.run(coroutine_function())
    return time.perf_counter() - start


if __name__ == '__main__':
    serial = seconds(one_after_another)
    concurrent = seconds(all_at_once)
    print('6 个任务一起等，比一个接一个地等快：', concurrent < serial)
