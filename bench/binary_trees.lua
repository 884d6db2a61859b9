-- binary_trees: allocation-heavy tree building and traversal (GC stress)
function bottomUp(depth)
    if depth == 0 then
        return {}
    end
    depth = depth - 1
    return {bottomUp(depth), bottomUp(depth)}
end

function itemCheck(tree)
    if tree[1] == nil then
        return 1
    end
    return 1 + itemCheck(tree[1]) + itemCheck(tree[2])
end

N = tonumber(arg and arg[1]) or 15
minDepth = 4
maxDepth = N
if minDepth + 2 > N then
    maxDepth = minDepth + 2
end
stretchDepth = maxDepth + 1
print("stretch tree of depth " .. stretchDepth .. "\t check: " .. itemCheck(bottomUp(stretchDepth)))
longLived = bottomUp(maxDepth)
for depth = minDepth, maxDepth, 2 do
    local iterations = 1
    for i = 1, maxDepth - depth + minDepth do
        iterations = iterations * 2
    end
    local check = 0
    for i = 1, iterations do
        check = check + itemCheck(bottomUp(depth))
    end
    print(iterations .. "\t trees of depth " .. depth .. "\t check: " .. check)
end
print("long lived tree of depth " .. maxDepth .. "\t check: " .. itemCheck(longLived))
