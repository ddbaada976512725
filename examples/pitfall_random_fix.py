import random
from multiprocessing import Process, Queue


def draw(index, seed, results):
    rng = random.Random(seed)  # 在子进程里、用主进程给的种子创建生成器
    results.put((index, rng.randint(1, 100)))


if __name__ == '__main__':
    results = Queue()
    children = [Process(target=draw, args=(i, 2024 + i, results)) for i in range(3)]
    for p in children:
        p.start()
    draws = sorted(results.get() for _ in children)
    for p in children:
        p.join()
    for index, number in draws:
        print(f'子进程 {index} 抽到 {number}')
