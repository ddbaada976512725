import time
from concurrent.futures import ProcessPoolExecutor


def slow_task():
    time.sleep(0.3)
    print("任务完成")


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        executor.submit(slow_task)  # 没有调用 result()
    print("with 块结束")
