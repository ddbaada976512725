from concurrent.futures import ProcessPoolExecutor, as_completed


def square(x):
    return x * x


if __name__ == "__main__":
    numbers = [1, 2, 3, 4, 5]
    results = {}
    with ProcessPoolExecutor(max_workers=2) as executor:
        futures = {executor.submit(square, n): n for n in numbers}
        for future in as_completed(futures):
            results[futures[future]] = future.result()
    print({n: results[n] for n in numbers})
