"""串行、线程、进程分别做 CPU 密集和 I/O 密集的工作，比较耗时。

三种做法轮流各运行 5 次，每种取最快的一次：机器上别的程序偶尔抢走 CPU 时，最快的那次最接近
真实的耗时，轮流运行则让三种做法遇到差不多的干扰。进程池和线程池
事先建好并“热身”，所以这里只比较做事的时间；启动进程的开销见 perf_startup.py。
加上 --record 文件名，会把测得的秒数另存为 JSON，供画图用。
"""
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

CPU_TASKS = [1_500_000] * 2  # 两个计算任务
IO_TASKS = [0.05] * 4  # 四个各等 0.05 秒的任务（像等网络、等磁盘）


def cpu_task(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def io_task(seconds):
    time.sleep(seconds)
    return seconds


def seconds(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def cores_used(run):
    """run() 期间本进程平均同时用了几个 CPU 核：所有线程的 CPU 时间 ÷ 经过的时间。"""
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return (time.process_time() - cpu) / (time.perf_counter() - start)


def measure(task, inputs, threads, processes):
    ways = {
        "串行": lambda: [task(x) for x in inputs],
        "线程": lambda: list(threads.map(task, inputs)),
        "进程": lambda: list(processes.map(task, inputs)),
    }
    rounds = [{way: seconds(run) for way, run in ways.items()} for _ in range(5)]
    return {way: min(r[way] for r in rounds) for way in ways}


if __name__ == "__main__":
    with ThreadPoolExecutor(4) as threads, ProcessPoolExecutor(4) as processes:
        list(processes.map(io_task, [0.01] * 4))  # 热身：先把工作进程都启动起来
        results = {"CPU 密集": measure(cpu_task, CPU_TASKS, threads, processes),
                   "I/O 密集": measure(io_task, IO_TASKS, threads, processes)}
        thread_cores = cores_used(lambda: list(threads.map(cpu_task, CPU_TASKS)))
    for kind, seconds in results.items():
        print(kind, "  ".join(f"{way} {t:.3f} 秒" for way, t in seconds.items()))
    io = results["I/O 密集"]
    # 耗时谁快谁慢，要看有没有空闲的 CPU 核，所以这里不比较 CPU 密集的耗时，只看上面打印的数字。
    # 用了几个核却不受干扰：机器越忙，线程分到的 CPU 时间越少，这个数只会更小
    print("CPU 密集：两个线程同一时刻最多用一个核：", thread_cores < 1.05)
    print("I/O 密集：线程版比串行版快：", io["线程"] < io["串行"] * 0.5)
    print("I/O 密集：进程版比串行版快：", io["进程"] < io["串行"] * 0.5)
    if "--record" in sys.argv:
        with open(sys.argv[sys.argv.index("--record") + 1], "w", encoding="utf-8") as file:
            json.dump(results, file, ensure_ascii=False, indent=2)
