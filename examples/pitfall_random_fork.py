import random
from multiprocessing import Process, Queue

rng = random.Random()  # 模块顶层创建的随机数生成器，种子取自系统的随机源


def draw(index, results):
    results.put((index, rng.randint(1, 10**9), random.randint(1, 10**9)))


if __name__ == '__main__':
    results = Queue()
    children = [Process(target=draw, args=(i, results)) for i in range(3)]
    for p in children:
        p.start()
    draws = sorted(results.get() for _ in children)
    for p in children:
        p.join()
    for index, from_rng, from_random in draws:
        print(f'子进程 {index}：rng 抽到 {from_rng}，random 抽到 {from_random}')
    print('rng 抽到的数都相同：', len({d[1] for d in draws}) == 1)
    print('random 抽到的数都相同：', len({d[2] for d in draws}) == 1)
