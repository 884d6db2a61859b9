// binary_trees: allocation-heavy tree building and traversal (GC stress)
func bottomUp(depth) {
    if depth == 0 {
        return {}
    }
    depth--
    return {bottomUp(depth), bottomUp(depth)}
}

func itemCheck(tree) {
    if tree[1] == nil {
        return 1
    }
    return 1 + itemCheck(tree[1]) + itemCheck(tree[2])
}

N := tonumber(arg[1]) || 15
minDepth := 4
maxDepth := N
if minDepth + 2 > N {
    maxDepth = minDepth + 2
}
stretchDepth := maxDepth + 1
print("stretch tree of depth " .. stretchDepth .. "\t check: " .. itemCheck(bottomUp(stretchDepth)))
longLived := bottomUp(maxDepth)
for depth := minDepth; depth <= maxDepth; depth += 2 {
    iterations := 1
    for i := 1; i <= maxDepth - depth + minDepth; i++ {
        iterations *= 2
    }
    check := 0
    for i := 1; i <= iterations; i++ {
        check += itemCheck(bottomUp(depth))
    }
    print(iterations .. "\t trees of depth " .. depth .. "\t check: " .. check)
}
print("long lived tree of depth " .. maxDepth .. "\t check: " .. itemCheck(longLived))
