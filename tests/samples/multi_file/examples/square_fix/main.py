from multiprocessing import Pool

from worker import square

if __name__ == "__main__":
    with Pool(2) as pool:
        print(pool.map(square, range(5)))
